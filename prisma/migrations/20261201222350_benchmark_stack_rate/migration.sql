-- AlterTable
ALTER TABLE "ThroughputBenchmark" ADD COLUMN     "requestsPerS" DOUBLE PRECISION,
ADD COLUMN     "stack" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "concurrency" DROP NOT NULL;
