import "server-only";
// Memo PDFs are made in worker threads (scenarios evaluated, content and pages laid out), never
// on the thread that serves requests. Limits: one queue per instance (a full queue answers 503
// with Retry-After), two renders per user at a time (429), a size limit checked before the pages
// are laid out (422, with what to cut), and a time limit after which the worker is stopped. A rendered memo is kept in a small in-memory cache per instance,
// keyed by its content, so a repeated download is served at once.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Piscina from "piscina";
import { env } from "../env";
import { AppError } from "../errors";
import type { MemoDraft } from "./from-sources";
import { MAX_MEMO_ROWS } from "./memo-size";
import type { RenderResult } from "./render-worker";
import { isoDay } from "../format/dates";

const WORKER_FILE = path.resolve(process.cwd(), ".build/memo-worker.mjs");
const QUEUE_PER_THREAD = 16;
const RENDERS_PER_USER = 2;
const RETRY_AFTER_SECONDS = 10;
const CACHE_ENTRIES = 32;
const CACHE_BYTES = 64 * 1024 * 1024;
let pool: Piscina | null = null;
const inFlight = new Map<string, number>();
// Renders waiting for a thread: the time limit starts when a render starts, not while it waits.
let rendering = 0;
const waiting: (() => void)[] = [];
const cache = new Map<string, Uint8Array>();
let cachedBytes = 0;

function getPool(): Piscina {
  if (pool) return pool;
  if (!existsSync(WORKER_FILE)) throw new AppError("unavailable", "The memo renderer is not built: run `npm run build`.");
  const threads = env().MEMO_RENDER_THREADS;
  pool = new Piscina({ filename: pathToFileURL(WORKER_FILE).href, minThreads: 0, maxThreads: threads, idleTimeout: 60_000 });
  return pool;
}

async function takeThread(): Promise<void> {
  const threads = env().MEMO_RENDER_THREADS;
  if (rendering < threads) {
    rendering++;
    return;
  }
  if (waiting.length >= threads * QUEUE_PER_THREAD)
    throw new AppError("unavailable", "The memo renderer is busy; try again in a few seconds.", undefined, RETRY_AFTER_SECONDS);
  await new Promise<void>((resolve) => waiting.push(resolve)); // the thread is handed over, still counted
}

function releaseThread(): void {
  const next = waiting.shift();
  if (next) next();
  else rendering--;
}

function tooLarge(rows: number): AppError {
  return new AppError(
    "validation",
    `This memo would lay out ${rows.toLocaleString("en-US")} rows, more than the ${MAX_MEMO_ROWS.toLocaleString("en-US")} a PDF memo holds (about 40 pages). Remove options or measured throughput rows, compare fewer scenarios, or download the Markdown memo.`,
    { memo: [`${rows} rows; the limit is ${MAX_MEMO_ROWS}`] },
  );
}

export async function renderPdf(draft: MemoDraft, userId: string): Promise<{ pdf: Uint8Array; cached: boolean }> {
  // The same inputs on the same day make the same memo (its date is the day).
  const key = createHash("sha256")
    .update(JSON.stringify({ ...draft, generatedAt: isoDay(draft.generatedAt) }))
    .digest("base64url");
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return { pdf: hit, cached: true };
  }
  const running = inFlight.get(userId) ?? 0;
  if (running >= RENDERS_PER_USER)
    throw new AppError(
      "rate_limited",
      `You have ${running} memos rendering already; try again when they are done.`,
      undefined,
      RETRY_AFTER_SECONDS,
    );
  const p = getPool();
  inFlight.set(userId, running + 1);
  let started = false;
  try {
    await takeThread();
    started = true;
    const result: RenderResult = await p.run({ draft }, { signal: AbortSignal.timeout(env().MEMO_RENDER_TIMEOUT_SECONDS * 1000) });
    if ("tooLarge" in result) throw tooLarge(result.tooLarge);
    remember(key, result.pdf);
    return { pdf: result.pdf, cached: false };
  } catch (error) {
    if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
      throw new AppError(
        "unavailable",
        `The memo took longer than ${env().MEMO_RENDER_TIMEOUT_SECONDS} seconds to render and was stopped. Try the Markdown memo, or fewer options.`,
      );
    }
    throw error;
  } finally {
    if (started) releaseThread();
    const left = (inFlight.get(userId) ?? 1) - 1;
    if (left > 0) inFlight.set(userId, left);
    else inFlight.delete(userId);
  }
}

function remember(key: string, pdf: Uint8Array): void {
  if (pdf.byteLength > CACHE_BYTES / 4) return;
  cache.set(key, pdf);
  cachedBytes += pdf.byteLength;
  for (const [k, v] of cache) {
    if (cache.size <= CACHE_ENTRIES && cachedBytes <= CACHE_BYTES) break;
    cache.delete(k);
    cachedBytes -= v.byteLength;
  }
}
