// Reads a usage export as a stream of bytes and folds it into an aggregate: CSV record by
// record, JSON Lines line by line, a JSON document whole (up to a limit). Memory stays flat in
// the file's length, and the parser yields to the event loop between short slices of work
// (YIELD_EVERY_MS) so a server parsing a large upload keeps answering other requests.
import { createHash } from "node:crypto";
import { UsageAggregator, type UsageAggregate } from "./aggregate";
import { CsvReader } from "./csv-reader";
import {
  csvMapper,
  detectFormat,
  FORMAT_NAMES,
  isIssue,
  isSkip,
  jsonRows,
  UsageFileError,
  type RowIssue,
  type RowResult,
  type UsageFormat,
} from "./formats";
import { ZoneCheck } from "./time";

export const MAX_USAGE_BYTES = 200 * 1024 * 1024;
/** A JSON document (not JSON Lines) is parsed whole, so it has a smaller limit. */
export const MAX_JSON_DOCUMENT_BYTES = 64 * 1024 * 1024;
const LISTED_BAD_ROWS = 100;
const HEAD_BYTES = 4096;
const YIELD_EVERY_MS = 4;

export type ParseOptions = {
  format: UsageFormat | "auto";
  timeZone: string;
  maxBytes?: number;
  onProgress?: (bytes: number) => void;
};

export type ParseResult = {
  format: UsageFormat;
  aggregate: UsageAggregate;
  badRows: RowIssue[];
  badRowCount: number;
  bytes: number;
  sha256: string;
};

const MB = 1024 * 1024;
const sizeLimit = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${bytes}-byte`);
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

class RowSink {
  readonly badRows: RowIssue[] = [];
  badRowCount = 0;
  private zones = new ZoneCheck();
  constructor(readonly aggregator: UsageAggregator) {}

  take(r: RowResult) {
    if (isSkip(r)) return this.aggregator.skip(r.skip);
    if (isIssue(r)) return this.bad(r);
    const zone = this.zones.check(r.stamp.offsetMinutes, r.line);
    if (zone) return this.bad({ line: r.line, field: "timestamp", message: zone });
    this.aggregator.add(r);
  }

  private bad(issue: RowIssue) {
    this.badRowCount++;
    if (this.badRows.length < LISTED_BAD_ROWS) this.badRows.push(issue);
  }

  get naive() {
    return this.zones.naive;
  }
}

type Reader = { push(text: string): void; end(): void };

function csvReader(format: UsageFormat, sink: RowSink): Reader {
  const csv = new CsvReader();
  let map: ReturnType<typeof csvMapper> | null = null;
  const records = (list: ReturnType<CsvReader["push"]>) => {
    for (const r of list) {
      if (!map) map = csvMapper(format, r.fields);
      else sink.take(map(r.fields, r.line));
    }
  };
  return {
    push: (text) => records(csv.push(text)),
    end: () => {
      try {
        records(csv.end());
      } catch (e) {
        throw new UsageFileError((e as Error).message);
      }
      if (!map) throw new UsageFileError("The file is empty.");
    },
  };
}

function parseJsonText(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageFileError(`Line ${line}: not valid JSON (${(e as Error).message.slice(0, 120)}).`);
  }
}

/** JSON Lines when the first line is a whole JSON value and more follows; else one document. */
function jsonReader(format: UsageFormat, sink: RowSink): Reader {
  let mode: "undecided" | "lines" | "document" = "undecided";
  let buffer = "";
  let line = 1;
  const feedLines = (final: boolean) => {
    let start = 0;
    for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n", start)) {
      const text = buffer.slice(start, nl).trim();
      if (text) for (const r of jsonRows(format, parseJsonText(text, line), line)) sink.take(r);
      line++;
      start = nl + 1;
    }
    buffer = buffer.slice(start);
    if (final && buffer.trim()) for (const r of jsonRows(format, parseJsonText(buffer.trim(), line), line)) sink.take(r);
  };
  return {
    push(text) {
      buffer += text;
      if (mode === "undecided") {
        const nl = buffer.indexOf("\n");
        if (nl < 0) return;
        try {
          JSON.parse(buffer.slice(0, nl));
          mode = buffer.slice(nl + 1).trim() ? "lines" : "undecided";
        } catch {
          mode = "document";
        }
      }
      if (mode === "lines") feedLines(false);
      else if (mode === "document" && buffer.length > MAX_JSON_DOCUMENT_BYTES) {
        throw new UsageFileError(
          `A JSON document over ${MAX_JSON_DOCUMENT_BYTES / MB} MB: export it as JSON Lines (one page or object per line) or CSV.`,
        );
      }
    },
    end() {
      if (!buffer.trim() && mode === "undecided") throw new UsageFileError("The file is empty.");
      if (mode === "lines") return feedLines(true);
      for (const r of jsonRows(format, parseJsonText(buffer, 1), 1)) sink.take(r);
    },
  };
}

function chooseFormat(requested: ParseOptions["format"], head: string): UsageFormat {
  const detected = detectFormat(head);
  if (requested === "auto") {
    if (!detected) {
      throw new UsageFileError(`Could not tell the file's format: choose one of ${Object.values(FORMAT_NAMES).join(", ")}.`, "format");
    }
    return detected;
  }
  if (detected && detected !== requested) {
    throw new UsageFileError(`This file looks like ${FORMAT_NAMES[detected]}, not ${FORMAT_NAMES[requested]}.`, "format");
  }
  return requested;
}

export async function parseUsage(source: AsyncIterable<Uint8Array | string>, options: ParseOptions): Promise<ParseResult> {
  const maxBytes = options.maxBytes ?? MAX_USAGE_BYTES;
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8");
  let bytes = 0;
  let head = "";
  let reader: Reader | null = null;
  let format: UsageFormat | null = null;
  let sink: RowSink | null = null;
  let lastYield = Date.now();
  const start = (text: string) => {
    format = chooseFormat(options.format, text);
    sink = new RowSink(new UsageAggregator(format, options.timeZone));
    const json = /^\s*[[{]/.test(text.replace(/^\uFEFF/, ""));
    if (json && format === "generic") throw new UsageFileError("The generic format is CSV; this file is JSON.", "format");
    reader = json ? jsonReader(format, sink) : csvReader(format, sink);
    reader.push(text);
  };
  for await (const chunk of source) {
    const buf = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    bytes += buf.byteLength;
    if (bytes > maxBytes) throw new UsageFileError(`The file is larger than the ${sizeLimit(maxBytes)} limit.`);
    hash.update(buf);
    const text = decoder.decode(buf, { stream: true });
    if (reader) (reader as Reader).push(text);
    else {
      head += text;
      if (head.length >= HEAD_BYTES) start(head);
    }
    options.onProgress?.(bytes);
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  }
  const rest = decoder.decode();
  if (!reader) {
    head += rest;
    if (!head.replace(/^\uFEFF/, "").trim()) throw new UsageFileError("The file is empty.");
    start(head);
  } else if (rest) (reader as Reader).push(rest);
  (reader as unknown as Reader).end();
  const s = sink as unknown as RowSink;
  if (s.aggregator.rowCount === 0) {
    if (s.badRowCount > 0) {
      const first = s.badRows[0];
      throw new UsageFileError(
        `None of the ${s.badRowCount} rows could be read; the first: line ${first.line}, ${first.field}: ${first.message}.`,
        first.field,
      );
    }
    throw new UsageFileError("The file has no usage rows.");
  }
  return {
    format: format as unknown as UsageFormat,
    aggregate: s.aggregator.finish(s.naive),
    badRows: s.badRows,
    badRowCount: s.badRowCount,
    bytes,
    sha256: hash.digest("hex"),
  };
}

/** A string or buffer as a one-chunk stream, for callers that already hold the whole file. */
export async function* chunksOf(data: string | Uint8Array, size = 64 * 1024): AsyncIterable<Uint8Array> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
