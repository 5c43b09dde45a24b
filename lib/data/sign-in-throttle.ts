import "server-only";
// Failed sign-ins are counted per account *and* client address, so a stranger guessing at
// someone's password slows only themselves: after a few free failures each further try waits
// twice as long as the last, up to a cap. A client that fails across many accounts is held back
// as a whole. Counters live in the database, shared by every app instance.
import { getDb } from "../db";
import { countEvent, currentCount } from "./rate-limit";

/** Failures allowed before the waiting starts. */
export const FREE_FAILURES = 5;
const MAX_WAIT_S = 15 * 60;
/** Failures are forgotten this long after the last one. */
const MEMORY_MS = 24 * 3600_000;
/** Failed sign-ins one client address may make across all accounts per window. */
const CLIENT_FAILURES = 50;
const CLIENT_WINDOW_MS = 15 * 60_000;

/** Seconds to wait after the n-th failure in a row: none up to FREE_FAILURES, then 1, 2, 4, … s. */
export function waitAfterFailures(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_S, 2 ** (failures - FREE_FAILURES));
}

const keyOf = (email: string, client: string) => `${email.trim().toLowerCase()}|${client}`;

export type Gate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Called before the password is checked. The attempt counts as a failure up front, in one
 * locked row update, so parallel guesses cannot slip past the limit; a success clears it.
 */
export async function beginSignInAttempt(email: string, client: string, now = new Date()): Promise<Gate> {
  if ((await currentCount(`signin-client:${client}`)) >= CLIENT_FAILURES)
    return { allowed: false, retryAfterSeconds: CLIENT_WINDOW_MS / 1000 };
  const key = keyOf(email, client);
  return getDb().$transaction(async (tx) => {
    // The upsert's write locks the row until this transaction ends.
    const row = await tx.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 0, lastFailureAt: now },
      update: { failures: { increment: 0 } },
    });
    if (row.blockedUntil && row.blockedUntil > now)
      return { allowed: false, retryAfterSeconds: Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000) };
    const failures = (now.getTime() - row.lastFailureAt.getTime() > MEMORY_MS ? 0 : row.failures) + 1;
    const wait = waitAfterFailures(failures);
    await tx.signInThrottle.update({
      where: { key },
      data: { failures, lastFailureAt: now, blockedUntil: wait ? new Date(now.getTime() + wait * 1000) : null },
    });
    return { allowed: true } as const;
  });
}

/** The password was wrong: the attempt stays counted, and the client's total grows. */
export async function recordSignInFailure(client: string): Promise<void> {
  await countEvent(`signin-client:${client}`, CLIENT_WINDOW_MS);
}

/** The password was right: this client's failures for the account are forgotten. */
export async function recordSignInSuccess(email: string, client: string): Promise<void> {
  await getDb().signInThrottle.deleteMany({ where: { key: keyOf(email, client) } });
}

/** After a password reset, every client starts afresh for the account. */
export async function clearSignInFailures(email: string): Promise<void> {
  await getDb().signInThrottle.deleteMany({ where: { key: { startsWith: `${email.trim().toLowerCase()}|` } } });
}
