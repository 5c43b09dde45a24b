-- AlterTable
ALTER TABLE "User" ADD COLUMN     "catalogAdmin" BOOLEAN NOT NULL DEFAULT false;
