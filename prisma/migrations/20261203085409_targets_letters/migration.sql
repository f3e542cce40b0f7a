-- CreateEnum
CREATE TYPE "LetterChannel" AS ENUM ('MAIL_APP', 'SERVER');

-- CreateEnum
CREATE TYPE "ShareAnswer" AS ENUM ('SHARE', 'WRITE');

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "name" VARCHAR(200) NOT NULL,
    "role" VARCHAR(300) NOT NULL,
    "email" VARCHAR(320),
    "contactSource" VARCHAR(1000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterCount" (
    "targetId" INTEGER NOT NULL,
    "channel" "LetterChannel" NOT NULL,
    "shard" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LetterCount_pkey" PRIMARY KEY ("targetId","channel","shard")
);

-- CreateTable
CREATE TABLE "CampaignLetter" (
    "campaignId" INTEGER NOT NULL,
    "locale" VARCHAR(10) NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignLetter_pkey" PRIMARY KEY ("campaignId","locale")
);

-- CreateTable
CREATE TABLE "ShareAnswerCount" (
    "campaignId" INTEGER NOT NULL,
    "answer" "ShareAnswer" NOT NULL,
    "shard" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ShareAnswerCount_pkey" PRIMARY KEY ("campaignId","answer","shard")
);

-- CreateIndex
CREATE INDEX "Target_campaignId_position_idx" ON "Target"("campaignId", "position");

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterCount" ADD CONSTRAINT "LetterCount_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignLetter" ADD CONSTRAINT "CampaignLetter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareAnswerCount" ADD CONSTRAINT "ShareAnswerCount_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
