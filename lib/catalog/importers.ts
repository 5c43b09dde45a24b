// Price imports into a draft catalog version (DESIGN.md "Prices and revisiting decisions"):
// LiteLLM's model_prices_and_context_window.json (US$ per token), simonw/llm-prices JSON (US$
// per million tokens, with price_history) and CSV for GPU offers. Each parser returns normalized
// rows plus row-level errors; any error means the import is refused as a whole. Pure: no I/O.
import { GPU_SPECS } from "./reference-catalog";
import { dayStart } from "../format/dates";

export type ApiPriceRow = {
  provider: string;
  model: string;
  region: string;
  tier: string;
  inputPerM: number;
  cachedInputPerM: number | null;
  cacheWritePerM: number | null;
  outputPerM: number;
  batchDiscount: number | null;
  longContextThreshold: number | null;
  longContextInputPerM: number | null;
  longContextOutputPerM: number | null;
  sourceUrl: string;
  checkedAt: Date;
};

export const PROVISIONING = ["on_demand", "reserved_1y", "reserved_3y", "spot"] as const;
export type Provisioning = (typeof PROVISIONING)[number];

export type GpuOfferRow = {
  provider: string;
  gpuType: string;
  memoryGb: number;
  bandwidthGbS: number;
  bf16Tflops: number;
  fp8Tflops: number | null;
  provisioning: Provisioning;
  pricePerGpuHour: number;
  minGpus: number;
  regions: string[];
  sourceUrl: string;
  checkedAt: Date;
};

export type RowError = { row: string; field?: string; message: string };
export type Skipped = { row: string; reason: string };
export type Parsed<T> = { rows: T[]; skipped: Skipped[]; errors: RowError[] };
export type ImportFormat = "litellm" | "llm-prices" | "gpu-csv";
export type ImportKind = "api" | "gpu";
export const FORMAT_KIND: Record<ImportFormat, ImportKind> = { litellm: "api", "llm-prices": "api", "gpu-csv": "gpu" };

const PER_MILLION = 1_000_000;
/** US$ per token → US$ per million tokens, without float noise (1.5e-7 × 1e6 = 0.15, not 0.15000000000000002). */
const perMillion = (perToken: number) => Math.round(perToken * PER_MILLION * 1e9) / 1e9;

function fail(message: string): never {
  throw new ImportFileError(message);
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`Not valid JSON: ${(error as Error).message}`);
  }
}

/** A price field: absent → null; present → a finite number ≥ 0, else an error naming the field. */
function price(value: unknown, row: string, field: string, errors: RowError[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    errors.push({ row, field, message: `must be a number, got ${JSON.stringify(value)?.slice(0, 40)}` });
    return null;
  }
  if (value < 0) {
    errors.push({ row, field, message: "cannot be negative" });
    return null;
  }
  return value;
}

// LiteLLM's provider keys → the provider names the catalog uses.
const LITELLM_PROVIDERS: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  gemini: "Google",
  "vertex_ai-language-models": "Google Vertex AI",
  deepseek: "DeepSeek",
  groq: "Groq",
  together_ai: "Together",
  mistral: "Mistral",
  bedrock: "AWS Bedrock",
  bedrock_converse: "AWS Bedrock",
  azure: "Azure OpenAI",
  xai: "xAI",
  fireworks_ai: "Fireworks",
  cohere_chat: "Cohere",
};

export const LITELLM_SOURCE = "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json";
export const LLM_PRICES_SOURCE = "https://www.llm-prices.com";

/** LiteLLM model_prices_and_context_window.json: chat models with per-token prices. */
export function parseLiteLlm(text: string, opts: { checkedAt: Date; sourceUrl?: string }): Parsed<ApiPriceRow> {
  const data = parseJson(text);
  if (!data || typeof data !== "object" || Array.isArray(data))
    fail("Expected an object keyed by model name, as in LiteLLM's model_prices_and_context_window.json.");
  const rows: ApiPriceRow[] = [];
  const skipped: Skipped[] = [];
  const errors: RowError[] = [];
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    if (key === "sample_spec") continue;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      errors.push({ row: key, message: "must be an object of prices" });
      continue;
    }
    const r = raw as Record<string, unknown>;
    const mode = r.mode;
    if (mode !== undefined && mode !== "chat" && mode !== "completion" && mode !== "responses") {
      skipped.push({ row: key, reason: `mode "${String(mode)}" is not a text-generation model` });
      continue;
    }
    const before = errors.length;
    const input = price(r.input_cost_per_token, key, "input_cost_per_token", errors);
    const output = price(r.output_cost_per_token, key, "output_cost_per_token", errors);
    const cacheRead = price(r.cache_read_input_token_cost, key, "cache_read_input_token_cost", errors);
    const cacheWrite = price(r.cache_creation_input_token_cost, key, "cache_creation_input_token_cost", errors);
    const inputBatch = price(r.input_cost_per_token_batches, key, "input_cost_per_token_batches", errors);
    let longThreshold: number | null = null;
    let longInput: number | null = null;
    let longOutput: number | null = null;
    for (const field of Object.keys(r)) {
      const m = /^input_cost_per_token_above_(\d+)k_tokens$/.exec(field);
      if (!m) continue;
      const threshold = Number(m[1]) * 1000;
      const li = price(r[field], key, field, errors);
      const lo = price(r[`output_cost_per_token_above_${m[1]}k_tokens`], key, `output_cost_per_token_above_${m[1]}k_tokens`, errors);
      // The lowest tier above the standard price is the one a request past the threshold pays first.
      if (li !== null && lo !== null && (longThreshold === null || threshold < longThreshold)) {
        longThreshold = threshold;
        longInput = perMillion(li);
        longOutput = perMillion(lo);
      }
    }
    if (errors.length > before) continue;
    if (input === null || output === null) {
      skipped.push({ row: key, reason: "no input and output price per token" });
      continue;
    }
    const provider = typeof r.litellm_provider === "string" ? (LITELLM_PROVIDERS[r.litellm_provider] ?? r.litellm_provider) : "Unknown";
    const model = key.includes("/") ? key.slice(key.indexOf("/") + 1) : key;
    const discount = inputBatch !== null && input > 0 ? Math.round((1 - inputBatch / input) * 1e6) / 1e6 : null;
    if (discount !== null && (discount < 0 || discount > 1)) {
      errors.push({ row: key, field: "input_cost_per_token_batches", message: "batch price is above the standard price" });
      continue;
    }
    rows.push({
      provider,
      model,
      region: "global",
      tier: "standard",
      inputPerM: perMillion(input),
      cachedInputPerM: cacheRead === null ? null : perMillion(cacheRead),
      cacheWritePerM: cacheWrite === null ? null : perMillion(cacheWrite),
      outputPerM: perMillion(output),
      batchDiscount: discount,
      longContextThreshold: longThreshold,
      longContextInputPerM: longInput,
      longContextOutputPerM: longOutput,
      sourceUrl: opts.sourceUrl ?? LITELLM_SOURCE,
      checkedAt: opts.checkedAt,
    });
  }
  return { rows: dedupe(rows, apiKey, errors), skipped, errors };
}

const VENDORS: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  deepseek: "DeepSeek",
  amazon: "Amazon",
  mistral: "Mistral",
  xai: "xAI",
  "meta-ai": "Meta",
  qwen: "Qwen",
  "moonshot-ai": "Moonshot AI",
  minimax: "MiniMax",
  "z.ai": "Z.ai",
};

type LlmPricesEntry = { input?: unknown; output?: unknown; input_cached?: unknown; from_date?: unknown; to_date?: unknown };

/**
 * simonw/llm-prices: a vendor file ({ vendor, models: [{ id, name, price_history }] }) or the
 * flat historical/current file ({ prices: [{ id, vendor, name, input, output, … }] }). Prices are
 * US$ per million tokens; the entry in force on `asOf` (from_date inclusive, to_date exclusive)
 * is taken.
 */
export function parseLlmPrices(text: string, opts: { checkedAt: Date; asOf: Date; sourceUrl?: string }): Parsed<ApiPriceRow> {
  const data = parseJson(text) as Record<string, unknown> | null;
  if (!data || typeof data !== "object" || Array.isArray(data))
    fail("Expected an llm-prices vendor file ({ vendor, models }) or a { prices: [...] } file.");
  const asOf = opts.asOf.toISOString().slice(0, 10);
  const models: { vendor: string; id: string; name: string; history: LlmPricesEntry[] }[] = [];
  if (Array.isArray(data.models)) {
    if (typeof data.vendor !== "string") fail('A vendor file needs a "vendor" name.');
    for (const m of data.models as Record<string, unknown>[]) {
      models.push({
        vendor: data.vendor,
        id: String(m?.id ?? ""),
        name: String(m?.name ?? m?.id ?? ""),
        history: Array.isArray(m?.price_history) ? (m.price_history as LlmPricesEntry[]) : [],
      });
    }
  } else if (Array.isArray(data.prices)) {
    const byId = new Map<string, (typeof models)[number]>();
    for (const p of data.prices as Record<string, unknown>[]) {
      const key = `${p?.vendor}/${p?.id}`;
      const entry = byId.get(key) ?? {
        vendor: String(p?.vendor ?? ""),
        id: String(p?.id ?? ""),
        name: String(p?.name ?? p?.id ?? ""),
        history: [],
      };
      entry.history.push(p as LlmPricesEntry);
      byId.set(key, entry);
    }
    models.push(...byId.values());
  } else {
    fail('Expected "models" (a vendor file) or "prices" (the historical file).');
  }
  const rows: ApiPriceRow[] = [];
  const skipped: Skipped[] = [];
  const errors: RowError[] = [];
  for (const m of models) {
    const row = m.id || m.name || "(unnamed)";
    if (!m.id) {
      errors.push({ row, field: "id", message: "is required" });
      continue;
    }
    const dateOk = (v: unknown) => v === null || v === undefined || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v));
    const badDate = m.history.find((h) => !dateOk(h.from_date) || !dateOk(h.to_date));
    if (badDate) {
      errors.push({ row, field: "price_history", message: "from_date and to_date must be YYYY-MM-DD or null" });
      continue;
    }
    const current = m.history.find(
      (h) => (!h.from_date || (h.from_date as string) <= asOf) && (!h.to_date || asOf < (h.to_date as string)),
    );
    if (!current) {
      skipped.push({ row, reason: `no price in force on ${asOf}` });
      continue;
    }
    const before = errors.length;
    const input = price(current.input, row, "input", errors);
    const output = price(current.output, row, "output", errors);
    const cached = price(current.input_cached, row, "input_cached", errors);
    if (errors.length > before) continue;
    if (input === null || output === null) {
      errors.push({ row, field: input === null ? "input" : "output", message: "is required" });
      continue;
    }
    rows.push({
      provider: VENDORS[m.vendor] ?? m.vendor,
      model: m.name || m.id,
      region: "global",
      tier: "standard",
      inputPerM: input,
      cachedInputPerM: cached,
      cacheWritePerM: null,
      outputPerM: output,
      batchDiscount: null,
      longContextThreshold: null,
      longContextInputPerM: null,
      longContextOutputPerM: null,
      sourceUrl: opts.sourceUrl ?? LLM_PRICES_SOURCE,
      checkedAt: opts.checkedAt,
    });
  }
  return { rows: dedupe(rows, apiKey, errors), skipped, errors };
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) fail("The CSV ends inside a quoted field.");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

const GPU_COLUMNS = [
  "provider",
  "gpu_type",
  "price_per_gpu_hour",
  "memory_gb",
  "bandwidth_gb_s",
  "bf16_tflops",
  "fp8_tflops",
  "min_gpus",
  "provisioning",
  "regions",
  "source_url",
  "checked_at",
] as const;

/**
 * GPU offers as CSV with a header row. Required: provider, gpu_type, price_per_gpu_hour; the
 * specifications (memory_gb, bandwidth_gb_s, bf16_tflops, fp8_tflops) may be left out for GPU
 * types the catalog knows. Optional: min_gpus (1), provisioning (on_demand), regions (";"),
 * source_url, checked_at (YYYY-MM-DD; default the import date).
 */
export function parseGpuCsv(text: string, opts: { checkedAt: Date; sourceUrl: string }): Parsed<GpuOfferRow> {
  const table = parseCsv(text.replace(/^\uFEFF/, ""));
  if (table.length === 0) fail("The file is empty.");
  const header = table[0].map((h) => h.trim().toLowerCase());
  const missing = ["provider", "gpu_type", "price_per_gpu_hour"].filter((c) => !header.includes(c));
  if (missing.length) fail(`The header row must name ${missing.join(", ")} (columns: ${GPU_COLUMNS.join(", ")}).`);
  const unknown = header.filter((h) => h && !(GPU_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) fail(`Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")} (columns: ${GPU_COLUMNS.join(", ")}).`);
  const rows: GpuOfferRow[] = [];
  const errors: RowError[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = `line ${i + 2}`;
    const get = (c: string) => (header.indexOf(c) >= 0 ? (cells[header.indexOf(c)] ?? "").trim() : "");
    const before = errors.length;
    const num = (c: string, opt: { required: boolean; integer?: boolean; positive?: boolean }) => {
      const v = get(c);
      if (v === "") {
        if (opt.required) errors.push({ row: line, field: c, message: "is required" });
        return null;
      }
      const n = Number(v);
      if (!Number.isFinite(n)) errors.push({ row: line, field: c, message: `must be a number, got "${v.slice(0, 30)}"` });
      else if (n < 0 || (opt.positive && n === 0))
        errors.push({ row: line, field: c, message: opt.positive ? "must be greater than 0" : "cannot be negative" });
      else if (opt.integer && !Number.isInteger(n)) errors.push({ row: line, field: c, message: "must be a whole number" });
      else return n;
      return null;
    };
    const provider = get("provider");
    const gpuType = get("gpu_type");
    if (!provider) errors.push({ row: line, field: "provider", message: "is required" });
    if (!gpuType) errors.push({ row: line, field: "gpu_type", message: "is required" });
    const spec = GPU_SPECS[gpuType];
    const priceValue = num("price_per_gpu_hour", { required: true });
    const memoryGb = num("memory_gb", { required: !spec, positive: true }) ?? spec?.memoryGb ?? null;
    const bandwidthGbS = num("bandwidth_gb_s", { required: !spec, positive: true }) ?? spec?.bandwidthGbS ?? null;
    const bf16Tflops = num("bf16_tflops", { required: !spec, positive: true }) ?? spec?.bf16Tflops ?? null;
    const fp8 = get("fp8_tflops") === "" ? (spec?.fp8Tflops ?? null) : num("fp8_tflops", { required: false, positive: true });
    const minGpus = num("min_gpus", { required: false, integer: true, positive: true }) ?? 1;
    const provisioningRaw = (get("provisioning") || "on_demand").toLowerCase().replace(/-/g, "_");
    if (!(PROVISIONING as readonly string[]).includes(provisioningRaw))
      errors.push({ row: line, field: "provisioning", message: `must be one of ${PROVISIONING.join(", ")}` });
    const checked = get("checked_at");
    if (checked && !/^\d{4}-\d{2}-\d{2}$/.test(checked))
      errors.push({ row: line, field: "checked_at", message: "must be a date like 2026-11-29" });
    const url = get("source_url");
    if (url && !/^https?:\/\//.test(url)) errors.push({ row: line, field: "source_url", message: "must be an http(s) link" });
    if (errors.length > before) return;
    rows.push({
      provider,
      gpuType,
      memoryGb: memoryGb!,
      bandwidthGbS: bandwidthGbS!,
      bf16Tflops: bf16Tflops!,
      fp8Tflops: fp8,
      provisioning: provisioningRaw as Provisioning,
      pricePerGpuHour: priceValue!,
      minGpus,
      regions: get("regions")
        .split(";")
        .map((r) => r.trim())
        .filter(Boolean),
      sourceUrl: url || opts.sourceUrl,
      checkedAt: checked ? dayStart(checked) : opts.checkedAt,
    });
  });
  return { rows: dedupe(rows, gpuKey, errors), skipped: [], errors };
}

export const apiKey = (r: Pick<ApiPriceRow, "provider" | "model" | "region" | "tier">) => `${r.provider}|${r.model}|${r.region}|${r.tier}`;
export const gpuKey = (r: Pick<GpuOfferRow, "provider" | "gpuType" | "provisioning">) => `${r.provider}|${r.gpuType}|${r.provisioning}`;

function dedupe<T>(rows: T[], key: (r: T) => string, errors: RowError[]): T[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k)) errors.push({ row: k.replace(/\|/g, " · "), message: "appears twice in the file" });
    seen.add(k);
  }
  return rows;
}

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
] as const;
export const GPU_PRICE_FIELDS = ["pricePerGpuHour", "minGpus", "memoryGb", "bandwidthGbS", "bf16Tflops", "fp8Tflops"] as const;

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
    const differs = fields.filter((f) => (old[f] ?? null) !== (row[f] ?? null));
    if (differs.length) out.changed.push({ key: k, before: old, after: row, fields: differs });
    else out.unchanged++;
  }
  if (mode === "replace") {
    const providers = new Set(incoming.map((r) => r.provider));
    for (const [k, row] of before) if (!seen.has(k) && providers.has(row.provider)) out.removed.push(row);
  }
  return out;
}
