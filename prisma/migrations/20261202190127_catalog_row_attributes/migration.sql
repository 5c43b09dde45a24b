-- AlterTable
ALTER TABLE "ApiPrice" ADD COLUMN     "dataRetention" TEXT,
ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "GpuOffer" ADD COLUMN     "certifications" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "gpusPerNode" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "pricingTerms" TEXT;
