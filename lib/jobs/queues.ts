// The job queues and their retry rules, in one place for the workers, the senders and the jobs page.
import type { Queue } from "pg-boss";

export const QUEUES = {
  repricingPlan: "repricing-plan",
  repricingBatch: "repricing-batch",
  feedRefresh: "price-feed-refresh",
  notifyRun: "notify-repricing",
  deliver: "notification-deliver",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type RepricingPlanJob = { runId: string };
export type RepricingBatchJob = { runId: string; index: number };
export type FeedRefreshJob = { feedId: string };
export type NotifyRunJob = { runId: string };
export type DeliverJob = { notificationId: string };

// A worker proves it is alive every few seconds; a job whose worker stops (a killed process)
// is retried by any instance once its heartbeat lapses, with backoff, up to the limit.
const RESUMABLE: Omit<Queue, "name"> = {
  retryLimit: 5,
  retryDelay: 2,
  retryBackoff: true,
  heartbeatSeconds: 10,
  expireInSeconds: 15 * 60,
  deleteAfterSeconds: 7 * 24 * 3600,
};

export const QUEUE_OPTIONS: Record<QueueName, Omit<Queue, "name">> = {
  [QUEUES.repricingPlan]: RESUMABLE,
  [QUEUES.repricingBatch]: RESUMABLE,
  [QUEUES.feedRefresh]: RESUMABLE,
  [QUEUES.notifyRun]: RESUMABLE,
  // A webhook or mail server that is down is asked again with backoff (2 s, 4 s, …): about half an hour in all.
  [QUEUES.deliver]: { ...RESUMABLE, retryLimit: 10 },
};

/** Whether the attempt that just failed was a job's last. */
export function lastAttempt(queue: QueueName, retryCount: number): boolean {
  return retryCount >= (QUEUE_OPTIONS[queue].retryLimit ?? 0);
}
