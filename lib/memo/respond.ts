import "server-only";
// One response for every memo route: Markdown as text, PDF rendered off the request thread.
import { memoMarkdown } from "./markdown";
import type { LoadedMemo } from "./load";
import { memoFromDraft } from "./from-sources";
import { renderPdf } from "./render-pool";

export async function memoResponse({ draft, fileBase }: LoadedMemo, format: "pdf" | "md", userId: string): Promise<Response> {
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "md") {
    return new Response(memoMarkdown(memoFromDraft(draft)), {
      headers: {
        ...headers,
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileBase}.md"`,
      },
    });
  }
  const { pdf, cached } = await renderPdf(draft, userId);
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      ...headers,
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `attachment; filename="${fileBase}.pdf"`,
      "X-Memo-Cache": cached ? "hit" : "miss",
    },
  });
}
