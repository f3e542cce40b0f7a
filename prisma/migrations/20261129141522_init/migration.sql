-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VoteValue" AS ENUM ('YES', 'NO', 'ABSTAIN', 'ABSENT', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "SignatureStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED', 'SPAM', 'QUARANTINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('CONFIRM', 'WITHDRAW', 'ACCESS');

-- CreateEnum
CREATE TYPE "AdminRole" AS ENUM ('ADMIN', 'MODERATOR');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(500) NOT NULL,
    "organisation" VARCHAR(200) NOT NULL,
    "statementDate" VARCHAR(10) NOT NULL,
    "statement" TEXT NOT NULL,
    "sourceName" VARCHAR(300) NOT NULL,
    "sourceUrl" VARCHAR(2000),
    "locale" VARCHAR(10) NOT NULL DEFAULT 'en',
    "goal" INTEGER NOT NULL,
    "deadline" TIMESTAMP(3),
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteStage" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "position" INTEGER NOT NULL,
    "body" VARCHAR(200) NOT NULL,
    "meeting" VARCHAR(200),
    "date" DATE NOT NULL,
    "documentSymbol" VARCHAR(60),
    "yes" INTEGER NOT NULL,
    "no" INTEGER NOT NULL,
    "abstain" INTEGER NOT NULL,
    "notVoting" INTEGER NOT NULL,
    "namesComplete" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "VoteStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteSource" (
    "id" SERIAL NOT NULL,
    "stageId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "covers" VARCHAR(300) NOT NULL,
    "citation" VARCHAR(1000) NOT NULL,
    "url" VARCHAR(2000),

    CONSTRAINT "VoteSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountryVote" (
    "id" SERIAL NOT NULL,
    "stageId" INTEGER NOT NULL,
    "iso3" CHAR(3) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "vote" "VoteValue" NOT NULL,

    CONSTRAINT "CountryVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "fullName" VARCHAR(200) NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "emailCanonical" VARCHAR(320) NOT NULL,
    "country" CHAR(3) NOT NULL,
    "comment" VARCHAR(1000),
    "commentHidden" BOOLEAN NOT NULL DEFAULT false,
    "showName" BOOLEAN NOT NULL DEFAULT false,
    "mayContact" BOOLEAN NOT NULL DEFAULT false,
    "locale" VARCHAR(10) NOT NULL DEFAULT 'en',
    "status" "SignatureStatus" NOT NULL DEFAULT 'PENDING',
    "statusReason" VARCHAR(500),
    "clientHash" VARCHAR(128),
    "referralCode" VARCHAR(32),
    "referredById" INTEGER,
    "utmSource" VARCHAR(100),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignatureToken" (
    "id" SERIAL NOT NULL,
    "signatureId" INTEGER NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignatureToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminUser" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "name" VARCHAR(200),
    "passwordHash" VARCHAR(255) NOT NULL,
    "role" "AdminRole" NOT NULL DEFAULT 'MODERATOR',
    "disabledAt" TIMESTAMP(3),
    "totpSecret" VARCHAR(255),
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdminUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "actorEmail" VARCHAR(320),
    "action" VARCHAR(80) NOT NULL,
    "campaignId" INTEGER,
    "signatureIds" INTEGER[],
    "filter" JSONB,
    "count" INTEGER NOT NULL DEFAULT 0,
    "reason" VARCHAR(1000),
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");

-- CreateIndex
CREATE INDEX "Campaign_status_createdAt_idx" ON "Campaign"("status", "createdAt");

-- CreateIndex
CREATE INDEX "VoteStage_campaignId_position_idx" ON "VoteStage"("campaignId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "VoteStage_campaignId_key_key" ON "VoteStage"("campaignId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "VoteSource_stageId_position_key" ON "VoteSource"("stageId", "position");

-- CreateIndex
CREATE INDEX "CountryVote_iso3_idx" ON "CountryVote"("iso3");

-- CreateIndex
CREATE UNIQUE INDEX "CountryVote_stageId_iso3_key" ON "CountryVote"("stageId", "iso3");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_referralCode_key" ON "Signature"("referralCode");

-- CreateIndex
CREATE INDEX "Signature_campaignId_status_id_idx" ON "Signature"("campaignId", "status", "id");

-- CreateIndex
CREATE INDEX "Signature_campaignId_createdAt_idx" ON "Signature"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "Signature_campaignId_country_status_idx" ON "Signature"("campaignId", "country", "status");

-- CreateIndex
CREATE INDEX "Signature_clientHash_createdAt_idx" ON "Signature"("clientHash", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_campaignId_emailCanonical_key" ON "Signature"("campaignId", "emailCanonical");

-- CreateIndex
CREATE UNIQUE INDEX "SignatureToken_tokenHash_key" ON "SignatureToken"("tokenHash");

-- CreateIndex
CREATE INDEX "SignatureToken_signatureId_purpose_idx" ON "SignatureToken"("signatureId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "AdminUser_email_key" ON "AdminUser"("email");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_campaignId_createdAt_idx" ON "AuditEntry"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "VoteStage" ADD CONSTRAINT "VoteStage_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteSource" ADD CONSTRAINT "VoteSource_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VoteStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryVote" ADD CONSTRAINT "CountryVote_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VoteStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_referredById_fkey" FOREIGN KEY ("referredById") REFERENCES "Signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignatureToken" ADD CONSTRAINT "SignatureToken_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "AdminUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;
