import "server-only";
// Price feeds, as catalog administrators manage them: registered by URL with a format and a
// schedule; each refresh is a job (lib/data/feed-refresh.ts). The schedule lives in pg-boss,
// keyed by the feed's id, and is set again whenever a feed is saved or an instance starts.
import type { PgBoss } from "pg-boss";
import { getDb } from "../db";
import { AppError } from "../errors";
import { getBoss } from "../jobs/boss";
import { QUEUES } from "../jobs/queues";
import { parseInput } from "../validation/errors";
import { FeedSchema, type FeedInput } from "../validation/catalog";
import { requireCatalogAdmin } from "./catalog";

const CRON: Record<FeedInput["schedule"], string | null> = {
  hourly: "7 * * * *",
  daily: "7 6 * * *",
  weekly: "7 6 * * 1",
  manual: null,
};
const REFRESHES_SHOWN = 10;

type Db = ReturnType<typeof getDb>;

/** Puts a feed's schedule in the queue (or takes it out), keyed by the feed's id. */
export async function syncFeedSchedule(boss: PgBoss, feed: { id: string; schedule: string } | { id: string; deleted: true }) {
  const cron = "deleted" in feed ? null : CRON[feed.schedule as FeedInput["schedule"]];
  if (cron) await boss.schedule(QUEUES.feedRefresh, cron, { feedId: feed.id }, { key: feed.id, tz: "UTC" });
  else await boss.unschedule(QUEUES.feedRefresh, feed.id);
}

/** Every feed's schedule as the database says: run when an instance starts. */
export async function syncAllFeedSchedules(boss: PgBoss, db: Db = getDb()) {
  for (const feed of await db.priceFeed.findMany({ select: { id: true, schedule: true } })) await syncFeedSchedule(boss, feed);
}

const toRow = (data: FeedInput) => ({
  name: data.name,
  url: data.url,
  format: data.format,
  schedule: data.schedule,
  autoPublish: data.autoPublish,
  maxPriceChange: data.maxPriceChangePercent / 100,
  maxRowChanges: data.maxRowChanges,
  retireMissing: data.retireMissing,
});

async function nameTaken(name: string, except?: string) {
  const other = await getDb().priceFeed.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== except)
    throw new AppError("validation", "Please correct the highlighted fields.", { name: [`"${name}" is already taken`] });
}

export async function listFeeds(userId: string) {
  await requireCatalogAdmin(userId);
  const feeds = await getDb().priceFeed.findMany({
    orderBy: { name: "asc" },
    include: {
      refreshes: {
        orderBy: { startedAt: "desc" },
        take: REFRESHES_SHOWN,
        include: { version: { select: { id: true, label: true, published: true } } },
      },
    },
  });
  return feeds.map(({ maxPriceChange, ...f }) => ({ ...f, maxPriceChangePercent: Math.round(maxPriceChange * 1e6) / 1e4 }));
}

export async function createFeed(userId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const data = parseInput(FeedSchema, raw);
  await nameTaken(data.name);
  const boss = await getBoss();
  const feed = await getDb().priceFeed.create({ data: toRow(data) });
  await syncFeedSchedule(boss, feed);
  return feed;
}

export async function updateFeed(userId: string, feedId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const data = parseInput(FeedSchema, raw);
  const db = getDb();
  if (!(await db.priceFeed.findUnique({ where: { id: feedId }, select: { id: true } }))) throw new AppError("not_found", "Feed not found");
  await nameTaken(data.name, feedId);
  const boss = await getBoss();
  const feed = await db.priceFeed.update({ where: { id: feedId }, data: toRow(data) });
  await syncFeedSchedule(boss, feed);
  return feed;
}

export async function deleteFeed(userId: string, feedId: string) {
  await requireCatalogAdmin(userId);
  const boss = await getBoss();
  const gone = await getDb().priceFeed.deleteMany({ where: { id: feedId } });
  if (gone.count === 0) throw new AppError("not_found", "Feed not found");
  await syncFeedSchedule(boss, { id: feedId, deleted: true });
}

/** Queues a refresh now; its result shows on the feeds page when the job has run. */
export async function refreshFeedNow(userId: string, feedId: string) {
  await requireCatalogAdmin(userId);
  if (!(await getDb().priceFeed.findUnique({ where: { id: feedId }, select: { id: true } })))
    throw new AppError("not_found", "Feed not found");
  const jobId = await (await getBoss()).send(QUEUES.feedRefresh, { feedId });
  return { feedId, jobId };
}
