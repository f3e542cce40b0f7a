-- CreateTable
CREATE TABLE "SignatureHour" (
    "campaignId" INTEGER NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "shard" SMALLINT NOT NULL,
    "change" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SignatureHour_pkey" PRIMARY KEY ("campaignId","hour","shard")
);

-- AddForeignKey
ALTER TABLE "SignatureHour" ADD CONSTRAINT "SignatureHour_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The signatures confirmed before this table existed, each in the hour it was confirmed.
INSERT INTO "SignatureHour" ("campaignId", "hour", "shard", "change")
SELECT "campaignId", date_trunc('hour', "confirmedAt"), 0, count(*)::int
FROM "Signature"
WHERE "status" = 'CONFIRMED' AND "confirmedAt" IS NOT NULL
GROUP BY "campaignId", date_trunc('hour', "confirmedAt");
