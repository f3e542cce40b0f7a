-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "lettersBySite" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "nextLetterAt" TIMESTAMP(3);
