-- CreateEnum
CREATE TYPE "Tenancy" AS ENUM ('on_prem', 'dedicated', 'shared_cloud', 'community');

-- AlterTable
ALTER TABLE "GpuOffer" ADD COLUMN     "tenancy" "Tenancy" NOT NULL DEFAULT 'shared_cloud';
