-- CreateEnum
CREATE TYPE "CampaignUpdateStatus" AS ENUM ('DRAFT', 'QUEUEING', 'QUEUED');

-- AlterTable
ALTER TABLE "MailOutbox" ADD COLUMN     "signatureId" INTEGER,
ADD COLUMN     "updateId" INTEGER;

-- CreateTable
CREATE TABLE "CampaignUpdate" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "status" "CampaignUpdateStatus" NOT NULL DEFAULT 'DRAFT',
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "unsubscribed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sendingAt" TIMESTAMP(3),

    CONSTRAINT "CampaignUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignUpdateText" (
    "updateId" INTEGER NOT NULL,
    "locale" VARCHAR(10) NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "CampaignUpdateText_pkey" PRIMARY KEY ("updateId","locale")
);

-- CreateIndex
CREATE INDEX "CampaignUpdate_status_idx" ON "CampaignUpdate"("status");

-- CreateIndex
CREATE INDEX "CampaignUpdate_campaignId_createdAt_idx" ON "CampaignUpdate"("campaignId", "createdAt");

-- AddForeignKey
ALTER TABLE "CampaignUpdate" ADD CONSTRAINT "CampaignUpdate_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignUpdateText" ADD CONSTRAINT "CampaignUpdateText_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "CampaignUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
