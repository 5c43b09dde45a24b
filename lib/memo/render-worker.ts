// The memo PDF made in a worker thread (lib/memo/render-pool.ts): evaluating the scenarios,
// laying out the content and the pages all run here, never on the thread that serves requests.
// Bundled to .build/memo-worker.mjs by scripts/bin/build-workers.mjs.
import { setPriority } from "node:os";
import { memoFromDraft, type MemoDraft } from "./from-sources";
import { MAX_MEMO_ROWS, memoRows } from "./memo-size";
import { renderMemoPdf } from "./pdf";

// The lowest CPU priority for this thread (Linux nice values are per thread), so the thread
// that serves requests wins the cores whenever both want one. Elsewhere this may be refused.
try {
  setPriority(19);
} catch {
  /* not permitted here: the worker still runs off the request thread */
}

export type RenderResult = { pdf: Uint8Array } | { tooLarge: number };

export default async function render({ draft }: { draft: MemoDraft }): Promise<RenderResult> {
  const memo = memoFromDraft(draft);
  const rows = memoRows(memo);
  if (rows > MAX_MEMO_ROWS) return { tooLarge: rows };
  const pdf = await renderMemoPdf(memo);
  return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
}
