-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Signature_fullName_trgm_idx" ON "Signature" USING GIN ("fullName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Signature_email_trgm_idx" ON "Signature" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Signature_comment_trgm_idx" ON "Signature" USING GIN ("comment" gin_trgm_ops);
