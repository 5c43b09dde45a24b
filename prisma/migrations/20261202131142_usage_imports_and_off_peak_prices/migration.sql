-- AlterTable
ALTER TABLE "ApiPrice" ADD COLUMN     "offPeakEndUtc" DOUBLE PRECISION,
ADD COLUMN     "offPeakInputPerM" DOUBLE PRECISION,
ADD COLUMN     "offPeakOutputPerM" DOUBLE PRECISION,
ADD COLUMN     "offPeakStartUtc" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "UsageImport" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "badRowCount" INTEGER NOT NULL,
    "badRows" JSONB NOT NULL,
    "aggregate" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsageImport_teamId_createdAt_idx" ON "UsageImport"("teamId", "createdAt");

-- AddForeignKey
ALTER TABLE "UsageImport" ADD CONSTRAINT "UsageImport_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageImport" ADD CONSTRAINT "UsageImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
