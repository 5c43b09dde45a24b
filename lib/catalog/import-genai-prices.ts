// pydantic/genai-prices `prices/data.json`: an array of providers, each with models whose prices
// are US$ per million tokens. A price is a number or { base, tiers: [{ start, price }] } (the
// first tier is the long-context price); a model's prices are one set or a list of sets with
// constraints: a start_date (the latest in force wins) or a UTC time window (the window's set is
// the standard price and the unconstrained set the off-peak price, as DeepSeek bills).
import { type ApiPriceRow, type Parsed, type RowError, type Skipped, apiKey, dedupe, fail, parseJson, price } from "./import-rows";
import { isoDay } from "../format/dates";

export const GENAI_PRICES_SOURCE = "https://github.com/pydantic/genai-prices/blob/main/prices/data.json";

// genai-prices provider ids → the provider names the catalog uses.
const PROVIDERS: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  deepseek: "DeepSeek",
  groq: "Groq",
  together: "Together",
  mistral: "Mistral",
  aws: "AWS Bedrock",
  azure: "Azure OpenAI",
  x_ai: "xAI",
  fireworks: "Fireworks",
  cohere: "Cohere",
};

type PriceSet = Record<string, unknown>;
type Constraint = { start_date?: unknown; start_time?: unknown; end_time?: unknown };
type Tiered = { value: number | null; tier: { start: number; price: number } | null };

/** A price field: a number, or { base, tiers } whose lowest tier is the long-context price. */
function tiered(value: unknown, row: string, field: string, errors: RowError[]): Tiered {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as { base?: unknown; tiers?: unknown };
    const base = price(v.base, row, `${field}.base`, errors);
    const tiers = Array.isArray(v.tiers) ? (v.tiers as { start?: unknown; price?: unknown }[]) : [];
    const first = tiers
      .map((t, i) => ({
        start: price(t?.start, row, `${field}.tiers.${i}.start`, errors),
        price: price(t?.price, row, `${field}.tiers.${i}.price`, errors),
      }))
      .filter((t): t is { start: number; price: number } => t.start !== null && t.price !== null)
      .sort((a, b) => a.start - b.start)[0];
    return { value: base, tier: first ?? null };
  }
  return { value: price(value, row, field, errors), tier: null };
}

/** "16:30:00Z" → 16.5 (UTC hours); null when it does not read as a time of day. */
function utcHour(value: unknown): number | null {
  const m = typeof value === "string" ? /^(\d{2}):(\d{2})(?::\d{2})?Z?$/.exec(value) : null;
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) return null;
  return Number(m[1]) + Number(m[2]) / 60;
}

/** The standard set and, for a time-window constraint, the off-peak set with its window. */
function pickPrices(prices: unknown, asOf: string, row: string, errors: RowError[]) {
  if (!Array.isArray(prices)) return { standard: prices as PriceSet, offPeak: null };
  const entries = prices as { constraint?: Constraint; prices?: PriceSet }[];
  let standard = entries.find((e) => !e.constraint)?.prices ?? null;
  let offPeak: { prices: PriceSet; startUtc: number; endUtc: number } | null = null;
  let latest = "";
  for (const e of entries) {
    const c = e.constraint;
    if (!c) continue;
    if (c.start_time !== undefined || c.end_time !== undefined) {
      const start = utcHour(c.start_time);
      const end = utcHour(c.end_time);
      if (start === null || end === null) {
        errors.push({ row, field: "prices.constraint", message: "start_time and end_time must be times of day such as 16:30:00Z" });
        continue;
      }
      // The window's prices are the standard ones; the unconstrained set is billed outside it.
      if (standard) offPeak = { prices: standard, startUtc: end, endUtc: start };
      standard = e.prices ?? null;
    } else if (typeof c.start_date === "string" && c.start_date <= asOf && c.start_date > latest) {
      latest = c.start_date;
      standard = e.prices ?? null;
    }
  }
  return { standard, offPeak };
}

export function parseGenaiPrices(text: string, opts: { checkedAt: Date; asOf: Date; sourceUrl?: string }): Parsed<ApiPriceRow> {
  const data = parseJson(text);
  if (!Array.isArray(data)) fail("Expected an array of providers, as in genai-prices' prices/data.json.");
  const asOf = isoDay(opts.asOf);
  const rows: ApiPriceRow[] = [];
  const skipped: Skipped[] = [];
  const errors: RowError[] = [];
  for (const p of data as Record<string, unknown>[]) {
    const providerId = typeof p?.id === "string" ? p.id : "";
    if (!providerId || !Array.isArray(p.models)) {
      errors.push({ row: providerId || "(provider)", message: "a provider needs an id and a models list" });
      continue;
    }
    const provider = PROVIDERS[providerId] ?? (typeof p.name === "string" ? p.name : providerId);
    const urls = Array.isArray(p.pricing_urls) ? (p.pricing_urls as unknown[]) : [];
    const sourceUrl = typeof urls[0] === "string" ? urls[0] : (opts.sourceUrl ?? GENAI_PRICES_SOURCE);
    for (const m of p.models as Record<string, unknown>[]) {
      const model = typeof m?.id === "string" ? m.id : "";
      const row = `${providerId}/${model || "(model)"}`;
      if (!model) {
        errors.push({ row, field: "id", message: "is required" });
        continue;
      }
      const before = errors.length;
      const { standard, offPeak } = pickPrices(m.prices, asOf, row, errors);
      if (!standard || typeof standard !== "object") {
        if (errors.length === before) skipped.push({ row, reason: `no price in force on ${asOf}` });
        continue;
      }
      const input = tiered(standard.input_mtok, row, "input_mtok", errors);
      const output = tiered(standard.output_mtok, row, "output_mtok", errors);
      const cacheRead = tiered(standard.cache_read_mtok, row, "cache_read_mtok", errors);
      const cacheWrite = tiered(standard.cache_write_mtok, row, "cache_write_mtok", errors);
      const offInput = offPeak ? tiered(offPeak.prices.input_mtok, row, "input_mtok", errors).value : null;
      const offOutput = offPeak ? tiered(offPeak.prices.output_mtok, row, "output_mtok", errors).value : null;
      const off = offPeak && offInput !== null && offOutput !== null ? { ...offPeak, input: offInput, output: offOutput } : null;
      if (errors.length > before) continue;
      if (input.value === null || output.value === null) {
        skipped.push({ row, reason: "no input and output price per million tokens (not a text-generation model)" });
        continue;
      }
      const long = input.tier && output.tier && input.tier.start === output.tier.start ? input.tier.start : null;
      rows.push({
        provider,
        model,
        region: "global",
        tier: "standard",
        inputPerM: input.value,
        cachedInputPerM: cacheRead.value,
        cacheWritePerM: cacheWrite.value,
        outputPerM: output.value,
        batchDiscount: null,
        longContextThreshold: long,
        longContextInputPerM: long === null ? null : input.tier!.price,
        longContextOutputPerM: long === null ? null : output.tier!.price,
        offPeakStartUtc: off?.startUtc ?? null,
        offPeakEndUtc: off?.endUtc ?? null,
        offPeakInputPerM: off?.input ?? null,
        offPeakOutputPerM: off?.output ?? null,
        sourceUrl,
        checkedAt: opts.checkedAt,
      });
    }
  }
  return { rows: dedupe(rows, apiKey, errors), skipped, errors };
}
