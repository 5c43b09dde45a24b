-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "anyoneWithLink" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "revokedAt" TIMESTAMP(3);
