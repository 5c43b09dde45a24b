-- AlterTable
ALTER TABLE "OpenModel" ADD COLUMN     "kvLoraRank" INTEGER,
ADD COLUMN     "ropeHeadDim" INTEGER;
