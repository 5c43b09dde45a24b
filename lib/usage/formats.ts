// The usage exports we read, and how one row (or one bucket of a page) of each becomes a
// UsageRecord. Field names are the providers' own:
//   openai     Usage API, GET /v1/organization/usage/completions: pages of buckets
//              { start_time, end_time, results: [{ input_tokens (cached included),
//              input_cached_tokens, output_tokens, num_model_requests, model, batch }] }
//   anthropic  Usage & Cost Admin API, GET /v1/organizations/usage_report/messages: pages of
//              { starting_at, ending_at, results: [{ uncached_input_tokens, cache_read_input_tokens,
//              cache_creation: { ephemeral_5m_input_tokens, ephemeral_1h_input_tokens },
//              output_tokens, model }] } (no request counts)
//   litellm    LiteLLM proxy spend logs (LiteLLM_SpendLogs as CSV, or /spend/logs JSON): one row
//              per request { request_id, startTime, endTime, completionStartTime, model,
//              model_group, prompt_tokens, completion_tokens, status, cache_hit, metadata }
//   generic    CSV: timestamp, model, input_tokens, cached_input_tokens, output_tokens
//              [, cache_write_tokens][, latency_ms][, requests] (README, "Usage import")
import { parseStamp, type Stamp } from "./time";

export const USAGE_FORMATS = ["openai", "anthropic", "litellm", "generic"] as const;
export type UsageFormat = (typeof USAGE_FORMATS)[number];
export const FORMAT_NAMES: Record<UsageFormat, string> = {
  openai: "OpenAI usage export (JSON)",
  anthropic: "Anthropic usage report (JSON)",
  litellm: "LiteLLM spend logs (CSV or JSON)",
  generic: "Generic CSV",
};

export type UsageRecord = {
  line: number;
  stamp: Stamp;
  /** Seconds the row covers: 0 for one request. */
  bucketSeconds: number;
  model: string;
  /** Requests the row counts; null when the export does not say (Anthropic). */
  requests: number | null;
  /** All input tokens, cached reads and cache writes included. */
  input: number;
  cachedInput: number;
  cacheWrite: number;
  output: number;
  latencyMs: number | null;
};

export type RowIssue = { line: number; field: string; message: string };
/** A row that is valid but carries no billable use (a failed request, a proxy cache hit). */
export type RowSkip = { skip: string };
export type RowResult = UsageRecord | RowIssue | RowSkip;

export const isIssue = (r: RowResult): r is RowIssue => "message" in r;
export const isSkip = (r: RowResult): r is RowSkip => "skip" in r;

/** Thrown for a file that cannot be read at all: nothing of it is used. */
export class UsageFileError extends Error {
  constructor(
    message: string,
    readonly field = "file",
  ) {
    super(message);
  }
}

const ALL_MODELS = "(all models)";
const MAX_TOKENS_PER_ROW = 1e15;

class RowError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function tokens(value: unknown, field: string, required = true): number {
  if (value == null || value === "") {
    if (required) throw new RowError(field, "is missing");
    return 0;
  }
  const n = typeof value === "number" ? value : Number(String(value).trim());
  if (!Number.isFinite(n)) throw new RowError(field, `"${String(value).slice(0, 30)}" is not a number`);
  if (n < 0) throw new RowError(field, `${n} is negative`);
  if (n > MAX_TOKENS_PER_ROW) throw new RowError(field, `${n} is implausibly large`);
  return n;
}

function stamp(value: unknown, field: string): Stamp {
  const s = parseStamp(value);
  if (typeof s === "string") throw new RowError(field, s);
  return s;
}

/** Runs a row mapper, turning a RowError into the row's issue. */
function guard(line: number, map: () => RowResult): RowResult {
  try {
    return map();
  } catch (e) {
    if (e instanceof RowError) return { line, field: e.field, message: e.message };
    throw e;
  }
}

function cachedAtMostInput(r: UsageRecord, cachedField: string): UsageRecord {
  if (r.cachedInput + r.cacheWrite > r.input) {
    throw new RowError(cachedField, `${r.cachedInput + r.cacheWrite} cached tokens exceed the row's ${r.input} input tokens`);
  }
  return r;
}

// ---- CSV formats --------------------------------------------------------------------------

type CsvMapper = (fields: string[], line: number) => RowResult;

const GENERIC_REQUIRED = ["timestamp", "model", "input_tokens", "cached_input_tokens", "output_tokens"];
const LITELLM_REQUIRED = ["startTime", "model", "prompt_tokens", "completion_tokens"];

/** The mapper for a CSV file's rows, from its header; a missing column fails the whole file. */
export function csvMapper(format: UsageFormat, header: string[]): CsvMapper {
  const names = header.map((h) => h.trim().replace(/^\uFEFF/, ""));
  const index = new Map(names.map((n, i) => [n.toLowerCase(), i]));
  const need = (columns: string[]) => {
    const missing = columns.filter((c) => !index.has(c.toLowerCase()));
    if (missing.length) {
      throw new UsageFileError(
        `Line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} for ${FORMAT_NAMES[format]} (the header has: ${names.slice(0, 12).join(", ")})`,
        missing[0],
      );
    }
  };
  const col = (name: string) => index.get(name.toLowerCase());
  const at = (fields: string[], name: string) => {
    const i = col(name);
    return i == null ? undefined : fields[i];
  };
  if (format === "generic") {
    need(GENERIC_REQUIRED);
    return (f, line) =>
      guard(line, () => {
        const requestsRaw = at(f, "requests");
        const latency = at(f, "latency_ms");
        return cachedAtMostInput(
          {
            line,
            stamp: stamp(at(f, "timestamp"), "timestamp"),
            bucketSeconds: 0,
            model: at(f, "model")?.trim() || ALL_MODELS,
            requests: requestsRaw == null || requestsRaw === "" ? 1 : tokens(requestsRaw, "requests"),
            input: tokens(at(f, "input_tokens"), "input_tokens"),
            cachedInput: tokens(at(f, "cached_input_tokens"), "cached_input_tokens", false),
            cacheWrite: tokens(at(f, "cache_write_tokens"), "cache_write_tokens", false),
            output: tokens(at(f, "output_tokens"), "output_tokens"),
            latencyMs: latency == null || latency === "" ? null : tokens(latency, "latency_ms"),
          },
          "cached_input_tokens",
        );
      });
  }
  if (format === "litellm") {
    need(LITELLM_REQUIRED);
    return (f, line) => guard(line, () => liteLlmRow((name) => at(f, name), line));
  }
  throw new UsageFileError(`${FORMAT_NAMES[format]} is JSON, not CSV.`, "format");
}

// ---- LiteLLM spend logs (CSV rows and JSON objects) --------------------------------------

type Get = (name: string) => unknown;

function liteLlmRow(get: Get, line: number): RowResult {
  const status = String(get("status") ?? "success").toLowerCase();
  if (status && status !== "success") return { skip: "failed requests" };
  if (String(get("cache_hit") ?? "").toLowerCase() === "true") return { skip: "answered from the proxy's own cache" };
  const start = stamp(get("startTime"), "startTime");
  const endRaw = get("endTime");
  const end = endRaw == null || endRaw === "" ? null : parseStamp(endRaw);
  const usage = usageObject(get("metadata"));
  const details = (usage?.prompt_tokens_details ?? {}) as Record<string, unknown>;
  const cached = usage?.cache_read_input_tokens ?? details.cached_tokens;
  return cachedAtMostInput(
    {
      line,
      stamp: start,
      bucketSeconds: 0,
      model: String(get("model_group") || get("model") || ALL_MODELS).trim(),
      requests: 1,
      input: tokens(get("prompt_tokens"), "prompt_tokens"),
      cachedInput: tokens(cached, "metadata.usage_object.cache_read_input_tokens", false),
      cacheWrite: tokens(usage?.cache_creation_input_tokens, "metadata.usage_object.cache_creation_input_tokens", false),
      output: tokens(get("completion_tokens"), "completion_tokens"),
      latencyMs: end && typeof end !== "string" ? Math.max(0, end.ms - start.ms) : null,
    },
    "metadata",
  );
}

/** The provider's usage object LiteLLM keeps in a spend log's metadata (a JSON string in CSV). */
function usageObject(metadata: unknown): Record<string, unknown> | null {
  let m = metadata;
  if (typeof m === "string") {
    if (!m.trim().startsWith("{")) return null;
    try {
      m = JSON.parse(m);
    } catch {
      throw new RowError("metadata", "is not valid JSON");
    }
  }
  const usage = m && typeof m === "object" ? (m as Record<string, unknown>).usage_object : null;
  return usage && typeof usage === "object" ? (usage as Record<string, unknown>) : null;
}

// ---- JSON formats ------------------------------------------------------------------------

const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/**
 * The records in one JSON value of a file: a page (or an array of pages) of the provider's
 * usage API, or LiteLLM spend log objects. `line` is the file line the value starts on.
 */
export function jsonRows(format: UsageFormat, value: unknown, line: number, item = ""): RowResult[] {
  if (Array.isArray(value) && !item) return value.flatMap((v, i) => jsonRows(format, v, line, `[${i}]`));
  const o = obj(value);
  if (!o) throw new UsageFileError(`Line ${line}${item}: expected a JSON object, found ${value === null ? "null" : typeof value}.`);
  if (format === "litellm") {
    const row = guard(line, () => liteLlmRow((k) => o[k], line));
    return [isIssue(row) && item ? { ...row, field: `${item}.${row.field}` } : row];
  }
  if (format === "generic") throw new UsageFileError("The generic format is CSV, not JSON.", "format");
  const data = o.data;
  if (!Array.isArray(data)) {
    throw new UsageFileError(
      `Line ${line}: this is not ${FORMAT_NAMES[format]}: expected a page with a "data" list of buckets (found keys: ${Object.keys(o).slice(0, 8).join(", ") || "none"}).`,
    );
  }
  return data.flatMap((bucket, i) => bucketRows(format, bucket, line, `${item}data[${i}]`));
}

function bucketRows(format: UsageFormat, bucket: unknown, line: number, where: string): RowResult[] {
  const b = obj(bucket);
  if (!b) return [{ line, field: where, message: "is not an object" }];
  const startKey = format === "openai" ? "start_time" : "starting_at";
  const endKey = format === "openai" ? "end_time" : "ending_at";
  if (!(startKey in b)) {
    throw new UsageFileError(`Line ${line}: this is not ${FORMAT_NAMES[format]}: ${where} has no "${startKey}".`, startKey);
  }
  const results = Array.isArray(b.results) ? b.results : [];
  return results.map((r, j) =>
    guard(line, () => {
      const field = (name: string) => `${where}.results[${j}].${name}`;
      const start = stamp(b[startKey], `${where}.${startKey}`);
      const end = stamp(b[endKey], `${where}.${endKey}`);
      if (end.ms <= start.ms) throw new RowError(`${where}.${endKey}`, "is not after the bucket's start");
      const x = obj(r);
      if (!x) throw new RowError(field(""), "is not an object");
      const common = {
        line,
        stamp: start,
        bucketSeconds: (end.ms - start.ms) / 1000,
        model: String(x.model ?? ALL_MODELS),
        latencyMs: null,
      };
      if (format === "openai") {
        return cachedAtMostInput(
          {
            ...common,
            requests: tokens(x.num_model_requests, field("num_model_requests")),
            input: tokens(x.input_tokens, field("input_tokens")),
            cachedInput: tokens(x.input_cached_tokens, field("input_cached_tokens"), false),
            cacheWrite: 0,
            output: tokens(x.output_tokens, field("output_tokens")),
          },
          field("input_cached_tokens"),
        );
      }
      const creation = obj(x.cache_creation) ?? {};
      const uncached = tokens(x.uncached_input_tokens, field("uncached_input_tokens"));
      const read = tokens(x.cache_read_input_tokens, field("cache_read_input_tokens"), false);
      const write =
        tokens(creation.ephemeral_5m_input_tokens, field("cache_creation.ephemeral_5m_input_tokens"), false) +
        tokens(creation.ephemeral_1h_input_tokens, field("cache_creation.ephemeral_1h_input_tokens"), false);
      return {
        ...common,
        requests: null,
        input: uncached + read + write,
        cachedInput: read,
        cacheWrite: write,
        output: tokens(x.output_tokens, field("output_tokens")),
      };
    }),
  );
}

/** The format a file's first bytes suggest, or null when none fits. */
export function detectFormat(head: string): UsageFormat | null {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("{") || text.startsWith("[")) {
    if (/"start_time"|"num_model_requests"|organization\.usage/.test(text)) return "openai";
    if (/"starting_at"|"uncached_input_tokens"/.test(text)) return "anthropic";
    if (/"startTime"|"prompt_tokens"|"request_id"/.test(text)) return "litellm";
    return null;
  }
  const header = text.split(/\r?\n/, 1)[0].toLowerCase();
  if (header.includes("starttime") && header.includes("prompt_tokens")) return "litellm";
  if (header.includes("timestamp") && header.includes("input_tokens")) return "generic";
  return null;
}
