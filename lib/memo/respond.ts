import "server-only";
// One response for every memo route: Markdown as text, PDF streamed as it renders.
import { Readable } from "node:stream";
import { memoMarkdown } from "./markdown";
import { streamMemoPdf } from "./pdf";
import type { LoadedMemo } from "./load";

export async function memoResponse({ memo, fileBase }: LoadedMemo, format: "pdf" | "md"): Promise<Response> {
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "md") {
    return new Response(memoMarkdown(memo), {
      headers: { ...headers, "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${fileBase}.md"` },
    });
  }
  const stream = await streamMemoPdf(memo);
  return new Response(Readable.toWeb(Readable.from(stream)) as ReadableStream, {
    headers: { ...headers, "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileBase}.pdf"` },
  });
}
