// One refresh of a price feed, as the job queue runs it: fetch, parse with the import rules, write
// a draft with the difference, and publish it when the feed allows it and every change is small.
// Nothing is written when the feed fails: the last good prices stay, and the feed says why.
import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { API_PRICE_FIELDS, FORMAT_KIND, type ImportFormat } from "../catalog/importers";
import { FeedError, fetchFeed, type FetchOptions } from "../feeds/fetch";
import { transactionalSender } from "../jobs/boss";
import { isoDay, today } from "../format/dates";
import { applyParsed, parseImport } from "./catalog-imports";
import { insertDraft } from "./catalog-drafts";
import { publishIn } from "./catalog-publish";
import { latestPublishedVersion } from "./catalog-versions";

type Db = ReturnType<typeof getDb>;
type Change = { fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> };

/** The largest relative move of a price among the changed rows; Infinity when a price appears from zero or nothing. */
export function largestPriceChange(changed: Change[], format: ImportFormat): number {
  const fields = new Set<string>(FORMAT_KIND[format] === "api" ? API_PRICE_FIELDS : ["pricePerGpuHour"]);
  let largest = 0;
  for (const c of changed) {
    for (const f of c.fields) {
      if (!fields.has(f) || f === "offPeakStartUtc" || f === "offPeakEndUtc" || f === "longContextThreshold") continue;
      const before = c.before[f];
      const after = c.after[f];
      if (typeof before !== "number" || typeof after !== "number" || before === 0) return Infinity;
      largest = Math.max(largest, Math.abs(after - before) / before);
    }
  }
  return largest;
}

async function recordFailure(db: Db, refreshId: string, feedId: string, message: string) {
  const now = new Date();
  await db.$transaction([
    db.priceFeedRefresh.updateMany({
      where: { id: refreshId, status: "running" },
      data: { status: "failed", error: message.slice(0, 1000), finishedAt: now },
    }),
    db.priceFeed.update({ where: { id: feedId }, data: { lastCheckedAt: now, lastStatus: "failed", lastError: message.slice(0, 1000) } }),
  ]);
  return db.priceFeedRefresh.findUniqueOrThrow({ where: { id: refreshId } });
}

/** The first row errors of a refused file, as one message an administrator can act on. */
function rowsMessage(error: AppError): string {
  const fields = Object.entries(error.fieldErrors ?? {}).slice(0, 3);
  return fields.length ? `${error.message} ${fields.map(([k, v]) => `${k}: ${v.join("; ")}`).join(" · ")}` : error.message;
}

export async function refreshFeed(feedId: string, jobId: string, opts: { db?: Db; fetch?: FetchOptions } = {}) {
  const db = opts.db ?? getDb();
  const feed = await db.priceFeed.findUnique({ where: { id: feedId } });
  if (!feed) return null; // deleted since the job was sent
  // One refresh per job: a job taken again after a crash finds the refresh it recorded.
  const refresh = await db.priceFeedRefresh.upsert({ where: { jobId }, create: { feedId, jobId }, update: {} });
  if (refresh.status !== "running") return refresh;
  const format = feed.format as ImportFormat;
  let text: string;
  let bytes: number;
  try {
    ({ text, bytes } = await fetchFeed(feed.url, format, opts.fetch));
  } catch (error) {
    if (error instanceof FeedError) return recordFailure(db, refresh.id, feed.id, error.message);
    throw error;
  }
  const day = today();
  let parsed;
  try {
    parsed = parseImport(format, text, day, feed.url);
  } catch (error) {
    if (error instanceof AppError) return recordFailure(db, refresh.id, feed.id, rowsMessage(error));
    throw error;
  }
  if (parsed.errors.length) {
    const first = parsed.errors.slice(0, 3).map((e) => `${e.row}${e.field ? `.${e.field}` : ""}: ${e.message}`);
    return recordFailure(db, refresh.id, feed.id, `${parsed.errors.length} row(s) refused, nothing imported. ${first.join(" · ")}`);
  }
  const base = await latestPublishedVersion(db);
  const send = await transactionalSender();
  const label = `${feed.name} ${new Date().toISOString().slice(0, 16).replace("T", " ")} (${refresh.id.slice(-6)})`;
  await db.$transaction(
    async (tx) => {
      const draft = await insertDraft(
        tx,
        { label, effectiveDate: day, sourceNote: `Fetched from ${feed.url} by the feed "${feed.name}".`, createdById: null },
        base?.id ?? null,
      );
      const { diff, counts } = await applyParsed(tx, draft.id, format, parsed, feed.retireMissing ? "replace" : "merge");
      const largest = largestPriceChange(diff.changed as unknown as Change[], format);
      const moved = counts.added + counts.changed + counts.removed;
      const small = counts.added + counts.removed <= feed.maxRowChanges && largest <= feed.maxPriceChange;
      let status: "unchanged" | "draft" | "published" = "draft";
      if (moved === 0) {
        await tx.catalogVersion.delete({ where: { id: draft.id } });
        status = "unchanged";
      } else if (feed.autoPublish && small) {
        await publishIn(tx, draft.id, { label, effectiveDate: isoDay(day) }, send);
        status = "published";
      }
      const now = new Date();
      // Claimed last: a second worker on the same job rolls its whole transaction back here.
      const claimed = await tx.priceFeedRefresh.updateMany({
        where: { id: refresh.id, status: "running" },
        data: {
          status,
          bytes,
          added: counts.added,
          changed: counts.changed,
          removed: counts.removed,
          skipped: counts.skipped,
          largestChange: Number.isFinite(largest) ? largest : null,
          versionId: status === "unchanged" ? null : draft.id,
          finishedAt: now,
        },
      });
      if (claimed.count === 0) throw new AppError("conflict", "This refresh was recorded meanwhile.");
      await tx.priceFeed.update({
        where: { id: feed.id },
        data: { lastCheckedAt: now, lastStatus: status, lastError: null, lastGoodAt: now },
      });
    },
    { timeout: 120_000 },
  );
  return db.priceFeedRefresh.findUniqueOrThrow({ where: { id: refresh.id } });
}

/** A refresh whose job failed for good (an unexpected error, after every retry). */
export async function failFeedRefresh(feedId: string, jobId: string, error: unknown, db: Db = getDb()) {
  const refresh = await db.priceFeedRefresh.findUnique({ where: { jobId } });
  if (refresh) await recordFailure(db, refresh.id, feedId, error instanceof Error ? error.message : String(error));
}
