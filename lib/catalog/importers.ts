// Price imports into a draft catalog version (DESIGN.md "Prices and revisiting decisions"):
// LiteLLM's model_prices_and_context_window.json (US$ per token), simonw/llm-prices JSON (US$
// per million tokens, with price_history), pydantic/genai-prices data.json (US$ per million
// tokens, tiered and time-windowed) and CSV for GPU offers. Each parser returns normalized
// rows plus row-level errors; any error means the import is refused as a whole. Pure: no I/O.
export * from "./import-rows";
export { parseLiteLlm, parseLlmPrices, LITELLM_SOURCE, LLM_PRICES_SOURCE } from "./import-api-prices";
export { parseCsv, parseGpuCsv } from "./import-gpu-csv";
export { parseGenaiPrices, GENAI_PRICES_SOURCE } from "./import-genai-prices";

// ---- Preview: what an import would change in a draft ---------------------------------------

export const API_PRICE_FIELDS = [
  "inputPerM",
  "cachedInputPerM",
  "cacheWritePerM",
  "outputPerM",
  "batchDiscount",
  "longContextThreshold",
  "longContextInputPerM",
  "longContextOutputPerM",
  "offPeakStartUtc",
  "offPeakEndUtc",
  "offPeakInputPerM",
  "offPeakOutputPerM",
] as const;
export const GPU_PRICE_FIELDS = [
  "pricePerGpuHour",
  "minGpus",
  "tenancy",
  "memoryGb",
  "bandwidthGbS",
  "bf16Tflops",
  "fp8Tflops",
  "gpusPerNode",
  "pricingTerms",
  "note",
] as const;

export type Change<T> = { key: string; before: T; after: T; fields: string[] };
export type Diff<T> = { added: T[]; changed: Change<T>[]; removed: T[]; unchanged: number };
export type ImportMode = "merge" | "replace";

/**
 * What applying `incoming` to `existing` does. merge: add and change, remove nothing. replace:
 * rows of the providers in the file that the file no longer lists are removed (retired).
 */
export function diffRows<T extends Record<string, unknown>>(
  existing: T[],
  incoming: T[],
  key: (r: T) => string,
  fields: readonly string[],
  mode: ImportMode,
): Diff<T> {
  const before = new Map(existing.map((r) => [key(r), r]));
  const seen = new Set<string>();
  const out: Diff<T> = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const row of incoming) {
    const k = key(row);
    seen.add(k);
    const old = before.get(k);
    if (!old) {
      out.added.push(row);
      continue;
    }
    // A field the file does not carry (an optional column left out) keeps the draft's value.
    const differs = fields.filter((f) => f in row && (old[f] ?? null) !== (row[f] ?? null));
    if (differs.length) out.changed.push({ key: k, before: old, after: row, fields: differs });
    else out.unchanged++;
  }
  if (mode === "replace") {
    const providers = new Set(incoming.map((r) => r.provider));
    for (const [k, row] of before) if (!seen.has(k) && providers.has(row.provider)) out.removed.push(row);
  }
  return out;
}
