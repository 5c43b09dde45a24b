-- CreateTable
CREATE TABLE "PriceFeed" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "schedule" TEXT NOT NULL DEFAULT 'daily',
    "autoPublish" BOOLEAN NOT NULL DEFAULT false,
    "maxPriceChange" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
    "maxRowChanges" INTEGER NOT NULL DEFAULT 5,
    "retireMissing" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastCheckedAt" TIMESTAMP(3),
    "lastStatus" TEXT,
    "lastError" TEXT,
    "lastGoodAt" TIMESTAMP(3),

    CONSTRAINT "PriceFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceFeedRefresh" (
    "id" TEXT NOT NULL,
    "feedId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "error" TEXT,
    "bytes" INTEGER,
    "added" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "largestChange" DOUBLE PRECISION,
    "versionId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PriceFeedRefresh_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PriceFeed_name_key" ON "PriceFeed"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PriceFeedRefresh_jobId_key" ON "PriceFeedRefresh"("jobId");

-- CreateIndex
CREATE INDEX "PriceFeedRefresh_feedId_startedAt_idx" ON "PriceFeedRefresh"("feedId", "startedAt");

-- AddForeignKey
ALTER TABLE "PriceFeedRefresh" ADD CONSTRAINT "PriceFeedRefresh_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "PriceFeed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceFeedRefresh" ADD CONSTRAINT "PriceFeedRefresh_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CatalogVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
