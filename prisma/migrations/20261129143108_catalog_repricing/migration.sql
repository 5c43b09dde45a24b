-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "repriceThresholdPercent" DOUBLE PRECISION,
ADD COLUMN     "repriceThresholdUsd" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "RepricingRun" (
    "id" TEXT NOT NULL,
    "catalogVersionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RepricingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioRepricing" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "catalogVersionId" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "changedPrices" INTEGER NOT NULL,
    "monthlyThen" DOUBLE PRECISION,
    "monthlyNow" DOUBLE PRECISION,
    "outcomeThen" TEXT NOT NULL,
    "outcomeNow" TEXT NOT NULL,
    "optionThen" TEXT,
    "optionNow" TEXT,
    "breakevenThen" DOUBLE PRECISION,
    "breakevenNow" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioRepricing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RepricingRun_catalogVersionId_idx" ON "RepricingRun"("catalogVersionId");

-- CreateIndex
CREATE INDEX "ScenarioRepricing_scenarioId_idx" ON "ScenarioRepricing"("scenarioId");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRepricing_revisionId_catalogVersionId_key" ON "ScenarioRepricing"("revisionId", "catalogVersionId");

-- AddForeignKey
ALTER TABLE "RepricingRun" ADD CONSTRAINT "RepricingRun_catalogVersionId_fkey" FOREIGN KEY ("catalogVersionId") REFERENCES "CatalogVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRepricing" ADD CONSTRAINT "ScenarioRepricing_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRepricing" ADD CONSTRAINT "ScenarioRepricing_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ScenarioRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRepricing" ADD CONSTRAINT "ScenarioRepricing_catalogVersionId_fkey" FOREIGN KEY ("catalogVersionId") REFERENCES "CatalogVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
