// The memo PDF rendered in a worker thread (lib/memo/render-pool.ts): page layout is synchronous
// and, on the server's own thread, held every other request until it finished. Bundled to
// .build/memo-worker.mjs by scripts/build-memo-worker.mjs.
import type { MemoContent } from "./content";
import { renderMemoPdf } from "./pdf";

export default async function render({ memo }: { memo: MemoContent }): Promise<Uint8Array> {
  const pdf = await renderMemoPdf(memo);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
