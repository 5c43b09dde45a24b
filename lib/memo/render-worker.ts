// The memo PDF rendered in a worker thread (lib/memo/render-pool.ts): page layout is synchronous
// and, on the server's own thread, held every other request until it finished. Bundled to
// .build/memo-worker.mjs by scripts/build-memo-worker.mjs.
import { setPriority } from "node:os";
import type { MemoContent } from "./content";
import { renderMemoPdf } from "./pdf";

// The lowest CPU priority for this thread (Linux nice values are per thread), so the thread
// that serves requests wins the cores whenever both want one. Elsewhere this may be refused.
try {
  setPriority(19);
} catch {
  /* not permitted here: the worker still runs off the request thread */
}

export default async function render({ memo }: { memo: MemoContent }): Promise<Uint8Array> {
  const pdf = await renderMemoPdf(memo);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
