import "server-only";
// A multipart/form-data upload read as a stream: the fields before the file, then the file's
// bytes handed on as they arrive, so a large file is never held in memory. One file per request.
import { Readable } from "node:stream";
import busboy from "busboy";
import { AppError } from "./errors";

export type Upload = { fileName: string; fields: Record<string, string>; source: AsyncIterable<Uint8Array> };

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 10_000;

/**
 * Calls `use` with the request's file and the fields sent before it. When `use` fails, the rest
 * of the upload is drained first, so the client receives the answer instead of a reset connection.
 */
export async function withUpload<T>(req: Request, use: (upload: Upload) => Promise<T>): Promise<T> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !req.body) {
    throw new AppError("validation", "Send the file as multipart/form-data (a form with a file field).", { file: ["is required"] });
  }
  const parser = busboy({
    headers: { "content-type": type },
    limits: { files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
  });
  const fields: Record<string, string> = {};
  const state: { outcome: Promise<{ ok: true; value: T } | { ok: false; error: unknown }> | null } = { outcome: null };
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (_name, stream, info) => {
    if (state.outcome) return void stream.resume();
    state.outcome = use({ fileName: info.filename || "upload", fields: { ...fields }, source: stream }).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => {
        stream.resume();
        return { ok: false as const, error };
      },
    );
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>).pipe(parser);
  await finished.catch(() => {
    throw new AppError("validation", "The upload could not be read as multipart/form-data.", { file: ["could not be read"] });
  });
  if (!state.outcome) throw new AppError("validation", "The form has no file.", { file: ["is required"] });
  const result = await state.outcome;
  if (!result.ok) throw result.error;
  return result.value;
}
