-- CreateEnum
CREATE TYPE "SignatureReason" AS ENUM ('RATE_LIMIT', 'DISPOSABLE_EMAIL', 'WITHDRAWN_BY_SIGNER', 'HONEYPOT', 'REPLAYED_PROOF', 'MODERATOR');

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "reasonCode" "SignatureReason";

-- The reasons the app wrote as English sentences become codes, and the sentences go; any other text
-- was a moderator's own words, kept as they are.
UPDATE "Signature" SET "reasonCode" = CASE "statusReason"
    WHEN 'rate limit' THEN 'RATE_LIMIT'::"SignatureReason"
    WHEN 'disposable email' THEN 'DISPOSABLE_EMAIL'::"SignatureReason"
    WHEN 'Withdrawn by the signer' THEN 'WITHDRAWN_BY_SIGNER'::"SignatureReason"
    WHEN 'honeypot' THEN 'HONEYPOT'::"SignatureReason"
    WHEN 'replayed proof of work' THEN 'REPLAYED_PROOF'::"SignatureReason"
    ELSE 'MODERATOR'::"SignatureReason"
  END,
  "statusReason" = CASE WHEN "statusReason" IN ('rate limit', 'disposable email', 'Withdrawn by the signer', 'honeypot', 'replayed proof of work') THEN NULL ELSE "statusReason" END
WHERE "statusReason" IS NOT NULL;
