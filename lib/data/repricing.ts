// Re-pricing saved scenarios: after a catalog version is published, and after an engine upgrade.
// A run is planned into batches of scenarios (ranges of ids); each batch is one job that any app
// instance may work (lib/jobs), and the start-up pass works them in its own process.
// Without "server-only" on purpose: `npm start` and `npm run db:deploy` run the engine-upgrade
// pass in their own process, before the server starts, on the client they opened.
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ENGINE_VERSION } from "../engine";
import type { CatalogPrices } from "../catalog/reprice";
import type { RepricingRow, Saved } from "../catalog/reprice-batch";
import { repriceSaved } from "./reprice-pool";
import { latestPublishedVersion } from "./catalog-versions";
import { QUEUES } from "../jobs/queues";
import type { TxSender } from "../jobs/boss";

type Db = ReturnType<typeof getDb>;

/** Scenarios per batch: one job's worth, small enough that a retried batch repeats little work. */
export const REPRICING_BATCH_SIZE = 200;

export type PlanOptions = { db?: Db; batchSize?: number; send?: TxSender };

/**
 * Splits a run into batches of the scenarios that have a current revision, once: a run already
 * planned keeps its batches. Returns the indexes of the batches still to do.
 */
export async function planRepricing(runId: string, opts: PlanOptions = {}): Promise<number[]> {
  const db = opts.db ?? getDb();
  const batchSize = opts.batchSize ?? REPRICING_BATCH_SIZE;
  const run = await db.repricingRun.findUniqueOrThrow({ where: { id: runId }, select: { plannedAt: true } });
  if (!run.plannedAt) {
    const ids = await db.scenario.findMany({ where: { currentRevisionId: { not: null } }, orderBy: { id: "asc" }, select: { id: true } });
    const batches: Prisma.RepricingBatchCreateManyInput[] = [];
    for (let i = 0; i < ids.length; i += batchSize) {
      const slice = ids.slice(i, i + batchSize);
      batches.push({
        runId,
        index: batches.length,
        firstScenarioId: slice[0].id,
        lastScenarioId: slice[slice.length - 1].id,
        size: slice.length,
      });
    }
    await db.$transaction(async (tx) => {
      // A second planner (a retried job) finds the batches there and plans nothing.
      const claimed = await tx.repricingRun.updateMany({
        where: { id: runId, plannedAt: null },
        data: { plannedAt: new Date(), batches: batches.length, total: ids.length },
      });
      if (claimed.count === 1) await tx.repricingBatch.createMany({ data: batches });
    });
    await finishIfComplete(runId, db, opts.send);
  }
  const pending = await db.repricingBatch.findMany({
    where: { runId, status: "pending" },
    orderBy: { index: "asc" },
    select: { index: true },
  });
  return pending.map((b) => b.index);
}

async function catalogOf(db: Db, versionId: string): Promise<CatalogPrices> {
  const version = await db.catalogVersion.findUniqueOrThrow({ where: { id: versionId }, include: { apiPrices: true, gpuOffers: true } });
  return { label: version.label, apiPrices: version.apiPrices, gpuOffers: version.gpuOffers };
}

/**
 * Re-prices one batch and stores its results in one transaction that also marks the batch done,
 * so a job that is retried, duplicated or killed after the commit never stores it twice.
 */
export async function repriceBatch(runId: string, index: number, opts: { db?: Db; send?: TxSender } = {}) {
  const db = opts.db ?? getDb();
  const batch = await db.repricingBatch.findUnique({
    where: { runId_index: { runId, index } },
    include: { run: { select: { catalogVersionId: true } } },
  });
  if (!batch || batch.status !== "pending") return null;
  const versionId = batch.run.catalogVersionId;
  const catalog = await catalogOf(db, versionId);
  // Raw SQL for the batch's bulk read and write: through the query builder, building and mapping
  // these large JSON payloads cost as much as the evaluations (docs/decisions/0005-job-queue.md).
  const scenarios = await readBatch(db, batch.firstScenarioId, batch.lastScenarioId);
  const { rows, replaced } = await repriceSaved(scenarios, versionId, catalog);
  const stored = await db.$transaction(async (tx) => {
    const claimed = await tx.repricingBatch.updateMany({
      where: { id: batch.id, status: "pending" },
      data: { status: "done", processed: scenarios.length, changed: rows.length, error: null, finishedAt: new Date() },
    });
    if (claimed.count === 0) return false; // another worker stored this batch meanwhile
    if (replaced.length) await tx.scenarioRepricing.deleteMany({ where: { revisionId: { in: replaced }, catalogVersionId: versionId } });
    if (rows.length) await insertRepricings(tx, rows);
    await tx.repricingRun.update({
      where: { id: runId },
      data: { processed: { increment: scenarios.length }, changed: { increment: rows.length } },
    });
    return true;
  });
  if (!stored) return null;
  await finishIfComplete(runId, db, opts.send);
  return { processed: scenarios.length, changed: rows.length };
}

/** The current revisions of the scenarios whose ids are in [first, last]. */
function readBatch(db: Db, first: string, last: string): Promise<Saved[]> {
  return db.$queryRaw<Saved[]>`
    SELECT s.id AS "scenarioId", r.id AS "revisionId", r.input, r.summary, r."catalogVersionId"
    FROM "Scenario" s JOIN "ScenarioRevision" r ON r.id = s."currentRevisionId"
    WHERE s.id >= ${first} AND s.id <= ${last}
    ORDER BY s.id`;
}

/** Stores re-priced rows in one statement; a row already there for the revision and version stays. */
async function insertRepricings(tx: Prisma.TransactionClient, rows: RepricingRow[]) {
  await tx.$executeRaw`
    INSERT INTO "ScenarioRepricing" (id, "scenarioId", "revisionId", "catalogVersionId", summary, "changedPrices",
      "monthlyThen", "monthlyNow", "outcomeThen", "outcomeNow", "optionThen", "optionNow", "breakevenThen", "breakevenNow")
    SELECT id, "scenarioId", "revisionId", "catalogVersionId", summary, "changedPrices",
      "monthlyThen", "monthlyNow", "outcomeThen", "outcomeNow", "optionThen", "optionNow", "breakevenThen", "breakevenNow"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id text, "scenarioId" text, "revisionId" text,
      "catalogVersionId" text, summary jsonb, "changedPrices" int, "monthlyThen" float8, "monthlyNow" float8,
      "outcomeThen" text, "outcomeNow" text, "optionThen" text, "optionNow" text, "breakevenThen" float8, "breakevenNow" float8)
    ON CONFLICT ("revisionId", "catalogVersionId") DO NOTHING`;
}

/**
 * Marks a run done once no batch is left pending or failed; with `send`, the job that tells the
 * teams what moved is written in the same transaction, so a finished run is announced once.
 */
async function finishIfComplete(runId: string, db: Db, send?: TxSender) {
  await db.$transaction(async (tx) => {
    const done = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "RepricingRun" SET status = 'done', "finishedAt" = now()
      WHERE id = ${runId} AND status = 'running' AND "plannedAt" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "RepricingBatch" b WHERE b."runId" = ${runId} AND b.status <> 'done')
      RETURNING id`;
    if (done.length && send) await send(tx, QUEUES.notifyRun, { runId });
  });
}

/** A batch (or the planning, index null) that failed for good: the run says why. */
export async function failRepricing(runId: string, index: number | null, error: unknown, db: Db = getDb()) {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  await db.$transaction(async (tx) => {
    if (index !== null)
      await tx.repricingBatch.updateMany({
        where: { runId, index, status: "pending" },
        data: { status: "failed", error: message, finishedAt: new Date() },
      });
    await tx.repricingRun.update({ where: { id: runId }, data: { status: "failed", error: message, finishedAt: new Date() } });
  });
}

/** Puts a failed run and its failed batches back to pending, inside the caller's transaction; false when the run had not failed. */
export async function reopenRepricing(tx: Prisma.TransactionClient, runId: string): Promise<boolean> {
  const reopened = await tx.repricingRun.updateMany({
    where: { id: runId, status: "failed" },
    data: { status: "running", error: null, finishedAt: null },
  });
  if (reopened.count === 0) return false;
  await tx.repricingBatch.updateMany({ where: { runId, status: "failed" }, data: { status: "pending", error: null, finishedAt: null } });
  return true;
}

/** Runs still unplanned long after they started: their process stopped before the queue had their job. */
export async function orphanedRepricingRuns(db: Db = getDb(), olderThanMinutes = 10): Promise<string[]> {
  const runs = await db.repricingRun.findMany({
    where: { status: "running", plannedAt: null, startedAt: { lt: new Date(Date.now() - olderThanMinutes * 60_000) } },
    select: { id: true },
  });
  return runs.map((r) => r.id);
}

/** Plans a run and works every batch in this process: the start-up pass, tests and the bench's baseline. */
export async function runRepricing(runId: string, opts: PlanOptions = {}) {
  const db = opts.db ?? getDb();
  let index: number | null = null;
  try {
    for (index of await planRepricing(runId, opts)) await repriceBatch(runId, index, { db });
  } catch (error) {
    await failRepricing(runId, index, error, db);
    throw error;
  }
  const run = await db.repricingRun.findUniqueOrThrow({ where: { id: runId } });
  return { processed: run.processed, changed: run.changed, total: run.total };
}

/**
 * After an engine upgrade: when any current revision's summary came from an older engine,
 * re-evaluates every scenario at the newest published prices and records what moved (the
 * dashboard's marks). Returns null when nothing is stale. Run at start-up, before serving.
 */
export async function reevaluateAfterEngineUpgrade(db: Db = getDb()) {
  // Raw SQL: a summary saved before engine versions were recorded has no such key, and Prisma's
  // JSON filters cannot say "missing or different" (NOT over a missing path is NULL, not true).
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "ScenarioRevision" r JOIN "Scenario" s ON s."currentRevisionId" = r.id
    WHERE (r.summary ->> 'engineVersion') IS DISTINCT FROM ${ENGINE_VERSION}
      AND NOT EXISTS (SELECT 1 FROM "ScenarioRepricing" p WHERE p."revisionId" = r.id AND (p.summary ->> 'engineVersion') = ${ENGINE_VERSION})
    LIMIT 1`;
  const version = stale.length ? await latestPublishedVersion(db) : null;
  if (!version) return null;
  const run = await db.repricingRun.create({ data: { catalogVersionId: version.id } });
  return runRepricing(run.id, { db });
}
