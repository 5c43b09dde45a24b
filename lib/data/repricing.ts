// Re-pricing saved scenarios: after a catalog version is published, and after an engine upgrade.
// Without "server-only" on purpose: `npm start` and `npm run db:deploy` run the engine-upgrade
// pass in their own process, before the server starts, on the client they opened.
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ENGINE_VERSION, evaluateScenario, parseScenario } from "../engine";
import { summarize } from "../engine";
import { readSummary } from "../engine";
import { compareSummaries, repriceInput, type CatalogPrices } from "../catalog/reprice";
import { latestPublishedVersion } from "./catalog-versions";

export type RepricingOptions = {
  batchSize?: number;
  onProgress?: (processed: number, total: number) => void;
  db?: ReturnType<typeof getDb>;
};

/**
 * Re-evaluates the current revision of every scenario at the version's prices and stores the
 * ones whose prices changed, or whose saved summary came from an older engine (then the owners
 * see what the new engine moved, even at unchanged prices). Works in batches and yields to the
 * event loop between scenarios, so requests keep being served while it runs. Monte Carlo is
 * skipped: the comparison needs the recommendation, costs and breakeven, which do not depend on it.
 */
export async function runRepricing(runId: string, opts: RepricingOptions = {}) {
  const db = opts.db ?? getDb();
  // Small pages: on the embedded database a query runs on this thread, so a large page holds the
  // event loop while it loads; small ones keep each pause short (npm run bench measures it).
  const batchSize = opts.batchSize ?? 20;
  const run = await db.repricingRun.findUniqueOrThrow({ where: { id: runId }, select: { catalogVersionId: true } });
  const versionId = run.catalogVersionId;
  try {
    const version = await db.catalogVersion.findUniqueOrThrow({ where: { id: versionId }, include: { apiPrices: true, gpuOffers: true } });
    const catalog: CatalogPrices = { label: version.label, apiPrices: version.apiPrices, gpuOffers: version.gpuOffers };
    const total = await db.scenario.count({ where: { currentRevisionId: { not: null } } });
    await db.repricingRun.update({ where: { id: runId }, data: { total } });
    let processed = 0;
    let changed = 0;
    let cursor: string | undefined;
    for (;;) {
      const page = await db.scenario.findMany({
        where: { currentRevisionId: { not: null } },
        orderBy: { id: "asc" },
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: { id: true, currentRevision: { select: { id: true, input: true, summary: true, catalogVersionId: true } } },
      });
      if (page.length === 0) break;
      cursor = page[page.length - 1].id;
      const rows: Prisma.ScenarioRepricingCreateManyInput[] = [];
      const replaced: string[] = []; // revisions whose row at this version came from an older engine
      for (const s of page) {
        processed++;
        const rev = s.currentRevision!;
        const then = readSummary(rev.summary);
        const olderEngine = then !== null && then.engineVersion !== ENGINE_VERSION;
        if (rev.catalogVersionId === versionId && !olderEngine) continue;
        let input;
        try {
          input = parseScenario(rev.input);
        } catch {
          continue; // an input the engine no longer accepts is left for its owners to fix
        }
        const repriced = repriceInput(input, catalog);
        if ((repriced.changes.length === 0 && !olderEngine) || !then) continue;
        const nowSummary = summarize(evaluateScenario(repriced.input, { monteCarloSamples: 0 }));
        if (olderEngine) replaced.push(rev.id);
        rows.push({
          scenarioId: s.id,
          revisionId: rev.id,
          catalogVersionId: versionId,
          summary: nowSummary as unknown as Prisma.InputJsonValue,
          changedPrices: repriced.changes.length,
          ...compareSummaries(then, nowSummary),
        });
        if (processed % 10 === 0) await new Promise((r) => setImmediate(r)); // let requests through
      }
      if (replaced.length) await db.scenarioRepricing.deleteMany({ where: { revisionId: { in: replaced }, catalogVersionId: versionId } });
      if (rows.length) await db.scenarioRepricing.createMany({ data: rows, skipDuplicates: true });
      changed += rows.length;
      await db.repricingRun.update({ where: { id: runId }, data: { processed, changed } });
      opts.onProgress?.(processed, total);
      await new Promise((r) => setImmediate(r));
    }
    await db.repricingRun.update({ where: { id: runId }, data: { status: "done", processed, changed, finishedAt: new Date() } });
    return { processed, changed, total };
  } catch (error) {
    await db.repricingRun.update({
      where: { id: runId },
      data: { status: "failed", error: (error as Error).message.slice(0, 500), finishedAt: new Date() },
    });
    throw error;
  }
}

/**
 * After an engine upgrade: when any current revision's summary came from an older engine,
 * re-evaluates every scenario at the newest published prices and records what moved (the
 * dashboard's marks). Returns null when nothing is stale. Run at start-up, before serving.
 */
export async function reevaluateAfterEngineUpgrade(db: ReturnType<typeof getDb> = getDb()) {
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

/** Starts a run without waiting for it; failures are recorded on the run. */
export function startRepricing(runId: string): void {
  void runRepricing(runId).catch((error) => console.error(`Re-pricing run ${runId} failed:`, error));
}
