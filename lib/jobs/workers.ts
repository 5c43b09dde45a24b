// What each queue's jobs do. Every instance of the app works every queue; pg-boss hands each job
// to one of them, and the handlers are idempotent so a retried or duplicated job changes nothing.
import type { PgBoss } from "pg-boss";
import { getDb } from "../db";
import { failRepricing, orphanedRepricingRuns, planRepricing, repriceBatch } from "../data/repricing";
import { failFeedRefresh, refreshFeed } from "../data/feed-refresh";
import { deliverNotification, failNotification, notifyRun } from "../data/notify";
import { transactionalSender } from "./boss";
import type { FetchOptions } from "../feeds/fetch";
import {
  QUEUES,
  lastAttempt,
  type DeliverJob,
  type FeedRefreshJob,
  type NotifyRunJob,
  type QueueName,
  type RepricingBatchJob,
  type RepricingPlanJob,
} from "./queues";

type Db = ReturnType<typeof getDb>;

export type WorkerOptions = { db?: Db; pollingIntervalSeconds?: number; batchSize?: number; feedFetch?: FetchOptions };

/** Runs the handler; on a job's last failed attempt records the failure where users see it. */
async function attempt<T>(queue: QueueName, retryCount: number, work: () => Promise<T>, onGiveUp: (error: unknown) => Promise<void>) {
  try {
    return await work();
  } catch (error) {
    if (lastAttempt(queue, retryCount)) await onGiveUp(error);
    throw error;
  }
}

/** Sends one job per batch of the run still to do (after planning, and when a run is retried). */
export async function sendRepricingBatches(boss: PgBoss, runId: string, indexes: number[]) {
  if (indexes.length === 0) return;
  await boss.insert(
    QUEUES.repricingBatch,
    indexes.map((index) => ({ data: { runId, index } satisfies RepricingBatchJob, singletonKey: `${runId}:${index}` })),
  );
}

export async function startWorkers(boss: PgBoss, opts: WorkerOptions = {}) {
  const db = opts.db ?? getDb();
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 };
  const send = await transactionalSender();
  await boss.work<RepricingPlanJob>(QUEUES.repricingPlan, polling, async ([job]) => {
    const { runId } = job.data;
    await attempt(
      QUEUES.repricingPlan,
      job.retryCount,
      async () => sendRepricingBatches(boss, runId, await planRepricing(runId, { db, batchSize: opts.batchSize, send })),
      (error) => failRepricing(runId, null, error, db),
    );
  });
  // Two batches a fetch, and the next fetch at once while fetches come back full: a worker
  // never idles between batches of a large run, and at its end each instance keeps its share.
  const burst = { ...polling, batchSize: 2, burstWhenBatchFull: true };
  await boss.work<RepricingBatchJob>(QUEUES.repricingBatch, burst, async (jobs) => {
    const failures: unknown[] = [];
    for (const job of jobs) {
      const { runId, index } = job.data;
      await attempt(
        QUEUES.repricingBatch,
        job.retryCount,
        () => repriceBatch(runId, index, { db, send }),
        (error) => failRepricing(runId, index, error, db),
      ).catch((error: unknown) => failures.push(error));
    }
    // Both jobs of the fetch are retried; the one already stored finds itself done and does nothing.
    if (failures.length) throw failures[0];
  });
  await boss.work<FeedRefreshJob>(QUEUES.feedRefresh, polling, async ([job]) => {
    const { feedId } = job.data;
    await attempt(
      QUEUES.feedRefresh,
      job.retryCount,
      () => refreshFeed(feedId, job.id, { db, fetch: opts.feedFetch }),
      (error) => failFeedRefresh(feedId, job.id, error, db),
    );
  });
  await boss.work<NotifyRunJob>(QUEUES.notifyRun, polling, async ([job]) => {
    await notifyRun(job.data.runId, send, db);
  });
  await boss.work<DeliverJob>(QUEUES.deliver, polling, async ([job]) => {
    const { notificationId } = job.data;
    await attempt(
      QUEUES.deliver,
      job.retryCount,
      () => deliverNotification(notificationId, db),
      () => failNotification(notificationId, db),
    );
  });
}

/** Sends the plan job of runs whose process stopped before their job was written (runs from before the queue, too). */
export async function resumeOrphanedRuns(boss: PgBoss, db: Db = getDb()): Promise<number> {
  const runs = await orphanedRepricingRuns(db);
  for (const runId of runs) await boss.send(QUEUES.repricingPlan, { runId } satisfies RepricingPlanJob);
  return runs.length;
}
