-- CreateTable
CREATE TABLE "SignatureCount" (
    "campaignId" INTEGER NOT NULL,
    "country" CHAR(3) NOT NULL,
    "shard" SMALLINT NOT NULL,
    "confirmed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SignatureCount_pkey" PRIMARY KEY ("campaignId","country","shard")
);

-- CreateIndex
CREATE INDEX "Signature_campaignId_status_confirmedAt_idx" ON "Signature"("campaignId", "status", "confirmedAt");

-- AddForeignKey
ALTER TABLE "SignatureCount" ADD CONSTRAINT "SignatureCount_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
