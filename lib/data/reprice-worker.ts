// The re-pricing of a batch made in a worker thread (lib/data/reprice-pool.ts), so the thread that
// serves requests only reads and writes the batch. At normal priority, unlike the memo renderer:
// a lowered priority starved the batches whenever instances shared cores (docs/decisions/0005).
// Bundled to .build/reprice-worker.mjs by scripts/bin/build-workers.mjs.
import type { CatalogPrices } from "../catalog/reprice";
import { collect, type Repriced, type Saved } from "../catalog/reprice-batch";

export default function reprice({ saved, versionId, catalog }: { saved: Saved[]; versionId: string; catalog: CatalogPrices }): Repriced {
  const out: Repriced = { rows: [], replaced: [] };
  for (const s of saved) collect(out, s, versionId, catalog);
  return out;
}
