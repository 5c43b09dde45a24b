import "server-only";
// Background work as catalog administrators see it: re-pricing runs with their batches, and the
// queue's own counts. Runs are installation-wide, so the page is theirs, not a team's.
import { getDb } from "../db";
import { AppError } from "../errors";
import { getBoss, transactionalSender } from "../jobs/boss";
import { QUEUES } from "../jobs/queues";
import { reopenRepricing } from "./repricing";
import { requireCatalogAdmin } from "./catalog";

const RUNS_SHOWN = 20;
const ERRORS_SHOWN = 5;

export async function listJobs(userId: string) {
  await requireCatalogAdmin(userId);
  const db = getDb();
  const runs = await db.repricingRun.findMany({
    orderBy: { startedAt: "desc" },
    take: RUNS_SHOWN,
    include: {
      catalogVersion: { select: { label: true } },
      batchRows: {
        where: { status: "failed" },
        orderBy: { index: "asc" },
        take: ERRORS_SHOWN,
        select: { index: true, error: true, firstScenarioId: true, lastScenarioId: true },
      },
    },
  });
  const counts = await db.repricingBatch.groupBy({
    by: ["runId", "status"],
    where: { runId: { in: runs.map((r) => r.id) } },
    _count: true,
  });
  const batchesOf = (runId: string, status: string) => counts.find((c) => c.runId === runId && c.status === status)?._count ?? 0;
  const boss = await getBoss();
  const queues = await boss.getQueues(Object.values(QUEUES));
  // Counted now from pg-boss's job table: getQueues' counts are refreshed only on its monitor passes.
  const states = await db.$queryRaw<{ name: string; state: string; n: number }[]>`
    SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = ANY(${Object.values(QUEUES)}) GROUP BY 1, 2`;
  const count = (name: string, ...wanted: string[]) =>
    states.filter((s) => s.name === name && wanted.includes(s.state)).reduce((n, s) => n + s.n, 0);
  return {
    runs: runs.map((r) => ({
      id: r.id,
      catalogLabel: r.catalogVersion.label,
      status: r.status,
      total: r.total,
      processed: r.processed,
      changed: r.changed,
      error: r.error,
      startedAt: r.startedAt,
      plannedAt: r.plannedAt,
      finishedAt: r.finishedAt,
      batches: { total: r.batches, done: batchesOf(r.id, "done"), failed: batchesOf(r.id, "failed"), pending: batchesOf(r.id, "pending") },
      failedBatches: r.batchRows,
    })),
    queues: queues.map((q) => ({
      name: q.name,
      queued: count(q.name, "created", "retry"),
      active: count(q.name, "active"),
      failed: count(q.name, "failed"),
      retryLimit: q.retryLimit ?? 0,
    })),
  };
}

/** A failed run again: its failed batches back to pending and its plan job sent, in one transaction. */
export async function retryRepricingRun(userId: string, runId: string) {
  await requireCatalogAdmin(userId);
  const send = await transactionalSender();
  await getDb().$transaction(async (tx) => {
    const run = await tx.repricingRun.findUnique({ where: { id: runId }, select: { status: true } });
    if (!run) throw new AppError("not_found", "Re-pricing run not found");
    if (!(await reopenRepricing(tx, runId))) throw new AppError("conflict", `Only a failed run can be retried; this one is ${run.status}.`);
    await send(tx, QUEUES.repricingPlan, { runId });
  });
  return { runId, status: "running" };
}
