import "server-only";
// Fixed-window counters in the database, so that every app instance shares them: API tokens and
// sign-in attempts.
import { getDb } from "../db";
import { AppError } from "../errors";

/** Counts one more event under `key` in its window (a new window once the old one ended). */
export async function countEvent(key: string, windowMs: number): Promise<{ count: number; resetAt: Date }> {
  const rows = await getDb().$queryRawUnsafe<{ count: number; resetAt: Date }[]>(
    `INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES ($1, 1, now() + ($2::int * interval '1 millisecond'))
     ON CONFLICT ("key") DO UPDATE SET
       "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
       "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN now() + ($2::int * interval '1 millisecond') ELSE "RateLimit"."resetAt" END
     RETURNING "count", "resetAt"`,
    key,
    windowMs,
  );
  return { count: Number(rows[0].count), resetAt: new Date(rows[0].resetAt) };
}

/** Events counted under `key` in its current window (0 when there is none). */
export async function currentCount(key: string): Promise<number> {
  const rows = await getDb().$queryRawUnsafe<{ count: number }[]>(
    `SELECT "count" FROM "RateLimit" WHERE "key" = $1 AND "resetAt" > now()`,
    key,
  );
  return rows.length ? Number(rows[0].count) : 0;
}

/**
 * One more request under `key`: a fixed window counted in the database, so that every app
 * instance shares it. Throws 429 (with the seconds to wait) past the limit.
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number): Promise<void> {
  const { count, resetAt } = await countEvent(key, windowMs);
  if (count > limit) {
    const seconds = Math.max(1, Math.ceil((new Date(resetAt).getTime() - Date.now()) / 1000));
    throw new AppError(
      "rate_limited",
      `Rate limit of ${limit} requests per ${Math.round(windowMs / 60_000)} minute(s) reached; retry in ${seconds} s.`,
      undefined,
      seconds,
    );
  }
}
