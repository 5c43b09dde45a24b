// Fetching a price feed: a timeout, a size limit checked while the body streams, and a content type
// that fits the format (an HTML error page or a login wall is refused before it is parsed).
import type { ImportFormat } from "../catalog/import-rows";

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedError";
  }
}

export const FEED_TIMEOUT_MS = 20_000;
export const FEED_MAX_BYTES = 20 * 2 ** 20; // the largest file an administrator may import by hand

// Raw file hosts (raw.githubusercontent.com among them) serve JSON and CSV as text/plain.
const ACCEPTED: Record<"json" | "csv", string[]> = {
  json: ["application/json", "text/json", "text/plain", "application/octet-stream"],
  csv: ["text/csv", "application/csv", "text/plain", "application/octet-stream"],
};

export type FetchOptions = { timeoutMs?: number; maxBytes?: number };

export async function fetchFeed(url: string, format: ImportFormat, opts: FetchOptions = {}): Promise<{ text: string; bytes: number }> {
  const timeoutMs = opts.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? FEED_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      redirect: "follow",
      headers: { accept: format === "gpu-csv" ? "text/csv" : "application/json" },
    });
  } catch (error) {
    throw new FeedError(
      signal.aborted ? `No answer within ${timeoutMs / 1000} s.` : `The feed could not be reached: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FeedError(`The feed answered ${response.status} ${response.statusText}.`.replace(" .", "."));
  }
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const accepted = ACCEPTED[format === "gpu-csv" ? "csv" : "json"];
  if (type && !accepted.includes(type)) {
    await response.body?.cancel();
    throw new FeedError(`The feed sent ${type}, not ${accepted[0]}: it may be an error page.`);
  }
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new FeedError(`The feed is ${(declared / 2 ** 20).toFixed(1)} MB, over the ${maxBytes / 2 ** 20} MB limit.`);
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
      const chunk = read.value;
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        await reader!.cancel();
        throw new FeedError(`The feed is over the ${maxBytes / 2 ** 20} MB limit.`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(
      signal.aborted ? `No complete answer within ${timeoutMs / 1000} s.` : `The feed broke off: ${(error as Error).message}`,
    );
  }
  return { text: Buffer.concat(chunks).toString("utf8"), bytes };
}
