-- AlterTable
ALTER TABLE "RepricingRun" ADD COLUMN     "batches" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "plannedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RepricingBatch" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "firstScenarioId" TEXT NOT NULL,
    "lastScenarioId" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RepricingBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RepricingBatch_runId_status_idx" ON "RepricingBatch"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RepricingBatch_runId_index_key" ON "RepricingBatch"("runId", "index");

-- AddForeignKey
ALTER TABLE "RepricingBatch" ADD CONSTRAINT "RepricingBatch_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RepricingRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
