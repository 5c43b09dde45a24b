// API price files: LiteLLM's model_prices_and_context_window.json (US$ per token) and
// simonw/llm-prices JSON (US$ per million tokens, with price_history).
import {
  type ApiPriceRow,
  type RowError,
  type Skipped,
  type Parsed,
  perMillion,
  fail,
  parseJson,
  price,
  apiKey,
  dedupe,
} from "./import-rows";
import { isoDay } from "../format/dates";

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

/** The long-context prices of a LiteLLM entry: the lowest `_above_{N}k_tokens` tier, which a request past N pays first. */
function liteLlmLongContext(r: Record<string, unknown>, key: string, errors: RowError[]) {
  let long: { threshold: number; inputPerM: number; outputPerM: number } | null = null;
  for (const field of Object.keys(r)) {
    const m = /^input_cost_per_token_above_(\d+)k_tokens$/.exec(field);
    if (!m) continue;
    const threshold = Number(m[1]) * 1000;
    const li = price(r[field], key, field, errors);
    const lo = price(r[`output_cost_per_token_above_${m[1]}k_tokens`], key, `output_cost_per_token_above_${m[1]}k_tokens`, errors);
    if (li !== null && lo !== null && (long === null || threshold < long.threshold))
      long = { threshold, inputPerM: perMillion(li), outputPerM: perMillion(lo) };
  }
  return long;
}

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
    const long = liteLlmLongContext(r, key, errors);
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
      longContextThreshold: long?.threshold ?? null,
      longContextInputPerM: long?.inputPerM ?? null,
      longContextOutputPerM: long?.outputPerM ?? null,
      sourceUrl: opts.sourceUrl ?? LITELLM_SOURCE,
      checkedAt: opts.checkedAt,
    });
    // Service tiers priced beside the standard one become rows of their own.
    for (const tier of SERVICE_TIERS) {
      const ti = price(r[`input_cost_per_token_${tier}`], key, `input_cost_per_token_${tier}`, errors);
      const to = price(r[`output_cost_per_token_${tier}`], key, `output_cost_per_token_${tier}`, errors);
      const tc = price(r[`cache_read_input_token_cost_${tier}`], key, `cache_read_input_token_cost_${tier}`, errors);
      if (ti === null || to === null) continue;
      rows.push({
        ...rows[rows.length - 1],
        tier,
        inputPerM: perMillion(ti),
        cachedInputPerM: tc === null ? null : perMillion(tc),
        cacheWritePerM: null,
        outputPerM: perMillion(to),
        batchDiscount: null,
        longContextThreshold: null,
        longContextInputPerM: null,
        longContextOutputPerM: null,
      });
    }
  }
  return { rows: dedupe(rows, apiKey, errors), skipped, errors };
}

/** LiteLLM prices these service tiers with `_priority` and `_flex` suffixed fields. */
const SERVICE_TIERS = ["priority", "flex"] as const;

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

type LlmPricesModel = { vendor: string; id: string; name: string; history: LlmPricesEntry[] };

/** The models of either llm-prices file shape, each with its price history. */
function llmPricesModels(data: Record<string, unknown>): LlmPricesModel[] {
  const models: LlmPricesModel[] = [];
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
  return models;
}

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
  const asOf = isoDay(opts.asOf);
  const models = llmPricesModels(data);
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
