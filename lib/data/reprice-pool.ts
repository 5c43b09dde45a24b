// Where a batch's evaluations run: in one worker thread per process when the app is built (the
// server, the start-up pass), else on this thread, yielding to the event loop every few scenarios.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Piscina from "piscina";
import type { CatalogPrices } from "../catalog/reprice";
import { collect, type Repriced, type Saved } from "../catalog/reprice-batch";

const WORKER_FILE = path.resolve(process.cwd(), ".build/reprice-worker.mjs");
const YIELD_EVERY = 10;

const globalForPool = globalThis as unknown as { breakevenRepricePool?: Piscina | null };

function pool(): Piscina | null {
  if (globalForPool.breakevenRepricePool === undefined)
    globalForPool.breakevenRepricePool = existsSync(WORKER_FILE)
      ? new Piscina({ filename: pathToFileURL(WORKER_FILE).href, minThreads: 0, maxThreads: 1, idleTimeout: 30_000 })
      : null;
  return globalForPool.breakevenRepricePool;
}

export async function repriceSaved(saved: Saved[], versionId: string, catalog: CatalogPrices): Promise<Repriced> {
  const threads = pool();
  if (threads) return threads.run({ saved, versionId, catalog });
  const out: Repriced = { rows: [], replaced: [] };
  for (const [i, s] of saved.entries()) {
    collect(out, s, versionId, catalog);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
  }
  return out;
}
