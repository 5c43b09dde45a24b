import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  apiKey,
  diffRows,
  gpuKey,
  API_PRICE_FIELDS,
  GPU_PRICE_FIELDS,
  ImportFileError,
  parseCsv,
  parseGpuCsv,
  parseLiteLlm,
  parseLlmPrices,
  parseGenaiPrices,
  type ApiPriceRow,
} from "./importers";

const fixture = (name: string) => readFileSync(path.resolve("lib/catalog/fixtures", name), "utf8");
const checkedAt = new Date("2026-11-29T00:00:00Z");

describe("LiteLLM import", () => {
  const parsed = parseLiteLlm(fixture("litellm-sample.json"), { checkedAt });
  const row = (model: string) => parsed.rows.find((r) => r.model === model)!;

  it("converts per-token prices to per-million, with cache read/write and the batch discount", () => {
    expect(parsed.errors).toEqual([]);
    expect(row("gpt-4o-mini")).toMatchObject({
      provider: "OpenAI",
      inputPerM: 0.15,
      cachedInputPerM: 0.075,
      cacheWritePerM: null,
      outputPerM: 0.6,
      batchDiscount: 0.5,
      region: "global",
      tier: "standard",
    });
    expect(row("gpt-4.1")).toMatchObject({ inputPerM: 1.8, cachedInputPerM: 0.45, outputPerM: 7.2, batchDiscount: 0.5 });
    expect(row("claude-sonnet-4-5")).toMatchObject({
      provider: "Anthropic",
      inputPerM: 3,
      cachedInputPerM: 0.3,
      cacheWritePerM: 3.75,
      outputPerM: 15,
      batchDiscount: null,
    });
    expect(row("claude-sonnet-4-5")).toMatchObject({ longContextThreshold: 200_000, longContextInputPerM: 6, longContextOutputPerM: 22.5 });
    expect(row("meta-llama/Llama-3.3-70B-Instruct-Turbo")).toMatchObject({
      provider: "Together",
      inputPerM: 0.88,
      outputPerM: 0.88,
      cachedInputPerM: null,
    });
    expect(parsed.rows.every((r) => r.checkedAt === checkedAt && r.sourceUrl.includes("litellm"))).toBe(true);
  });

  it("skips what is not a text model and says why; the spec entry is not a model", () => {
    expect(parsed.rows).toHaveLength(4);
    expect(parsed.skipped.map((s) => s.row).sort()).toEqual(["dall-e-3", "text-embedding-3-small"]);
    expect(parsed.skipped.find((s) => s.row === "dall-e-3")!.reason).toMatch(/image_generation/);
  });

  it("reports every malformed row with its field", () => {
    const bad = parseLiteLlm(fixture("litellm-malformed.json"), { checkedAt });
    expect(bad.errors).toEqual([
      { row: "broken-price", field: "input_cost_per_token", message: expect.stringMatching(/must be a number/) },
      { row: "negative-price", field: "output_cost_per_token", message: "cannot be negative" },
    ]);
  });

  it("adds a row for each service tier priced beside the standard one", () => {
    const file = JSON.stringify({
      "gpt-5.6": {
        litellm_provider: "openai",
        mode: "chat",
        input_cost_per_token: 2e-6,
        output_cost_per_token: 8e-6,
        cache_read_input_token_cost: 2e-7,
        input_cost_per_token_priority: 4e-6,
        output_cost_per_token_priority: 1.6e-5,
        input_cost_per_token_flex: 1e-6,
        output_cost_per_token_flex: 4e-6,
        cache_read_input_token_cost_flex: 1e-7,
      },
    });
    const { rows, errors } = parseLiteLlm(file, { checkedAt });
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.tier, r.inputPerM, r.cachedInputPerM, r.outputPerM])).toEqual([
      ["standard", 2, 0.2, 8],
      ["priority", 4, null, 16],
      ["flex", 1, 0.1, 4],
    ]);
  });

  it("refuses a file that is not LiteLLM's shape", () => {
    expect(() => parseLiteLlm("[1,2]", { checkedAt })).toThrow(ImportFileError);
    expect(() => parseLiteLlm("{not json", { checkedAt })).toThrow(/Not valid JSON/);
  });
});

describe("llm-prices import", () => {
  it("takes the price in force on the draft's date, in US$ per million", () => {
    const p = parseLlmPrices(fixture("llm-prices-openai.json"), { checkedAt, asOf: new Date("2026-11-29T00:00:00Z") });
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => [r.provider, r.model, r.inputPerM, r.cachedInputPerM, r.outputPerM])).toEqual([
      ["OpenAI", "GPT-4o Mini", 0.15, 0.075, 0.6],
      ["OpenAI", "o3", 2, 0.5, 8],
    ]);
    expect(p.skipped).toEqual([{ row: "gpt-4.5-preview", reason: "no price in force on 2026-11-29" }]);
    // An earlier date picks the earlier price; to_date is exclusive.
    const may = parseLlmPrices(fixture("llm-prices-openai.json"), { checkedAt, asOf: new Date("2025-06-09T00:00:00Z") });
    expect(may.rows.find((r) => r.model === "o3")).toMatchObject({ inputPerM: 10, outputPerM: 40 });
    const june = parseLlmPrices(fixture("llm-prices-openai.json"), { checkedAt, asOf: new Date("2025-06-10T00:00:00Z") });
    expect(june.rows.find((r) => r.model === "o3")).toMatchObject({ inputPerM: 2 });
  });

  it("accepts the flat { prices } file too", () => {
    const flat = JSON.stringify({
      prices: [
        {
          id: "deepseek-chat",
          vendor: "deepseek",
          name: "DeepSeek Chat",
          input: 0.27,
          output: 1.1,
          input_cached: 0.07,
          from_date: null,
          to_date: null,
        },
      ],
    });
    expect(parseLlmPrices(flat, { checkedAt, asOf: checkedAt }).rows[0]).toMatchObject({
      provider: "DeepSeek",
      model: "DeepSeek Chat",
      inputPerM: 0.27,
      cachedInputPerM: 0.07,
    });
  });

  it("reports malformed dates and missing prices", () => {
    const bad = parseLlmPrices(fixture("llm-prices-malformed.json"), { checkedAt, asOf: checkedAt });
    expect(bad.errors.map((e) => [e.row, e.field])).toEqual([
      ["bad-date", "price_history"],
      ["no-output", "output"],
    ]);
  });
});

describe("genai-prices import", () => {
  const asOf = new Date("2026-11-29T00:00:00Z");

  it("reads each provider's models in US$ per million, with long-context tiers, dated prices and off-peak windows", () => {
    const p = parseGenaiPrices(fixture("genai-prices-sample.json"), { checkedAt, asOf });
    expect(p.errors).toEqual([]);
    const row = (model: string) => p.rows.find((r) => r.model === model)!;
    expect(row("claude-haiku-4-5")).toMatchObject({
      provider: "Anthropic",
      inputPerM: 1,
      cachedInputPerM: 0.1,
      cacheWritePerM: 1.25,
      outputPerM: 5,
      longContextThreshold: null,
      offPeakStartUtc: null,
      sourceUrl: "https://www.anthropic.com/pricing#api",
    });
    // { base, tiers }: the first tier is the long-context price.
    expect(row("claude-sonnet-4-5")).toMatchObject({
      inputPerM: 3,
      outputPerM: 15,
      longContextThreshold: 200_000,
      longContextInputPerM: 6,
      longContextOutputPerM: 22.5,
    });
    // A set dated 2026-03-13 replaces the tiered one from that day on.
    expect(row("claude-opus-4-6")).toMatchObject({ inputPerM: 5, cachedInputPerM: 0.5, outputPerM: 25, longContextThreshold: null });
    const before = parseGenaiPrices(fixture("genai-prices-sample.json"), { checkedAt, asOf: new Date("2026-03-12T00:00:00Z") });
    expect(before.rows.find((r) => r.model === "claude-opus-4-6")).toMatchObject({
      longContextThreshold: 200_000,
      longContextInputPerM: 10,
    });
    // DeepSeek: the 00:30–16:30 UTC set is the standard price, the unconstrained one is off-peak outside it.
    expect(row("deepseek-reasoner")).toMatchObject({
      provider: "DeepSeek",
      inputPerM: 0.55,
      cachedInputPerM: 0.14,
      outputPerM: 2.19,
      offPeakStartUtc: 16.5,
      offPeakEndUtc: 0.5,
      offPeakInputPerM: 0.135,
      offPeakOutputPerM: 0.55,
    });
    expect(p.skipped).toEqual([
      { row: "openai/text-embedding-3-small", reason: "no input and output price per million tokens (not a text-generation model)" },
    ]);
    expect(p.rows).toHaveLength(6);
  });

  it("names malformed prices and constraints, and refuses a file of another shape", () => {
    const bad = JSON.stringify([
      { id: "acme", models: [{ id: "a", prices: { input_mtok: "cheap", output_mtok: 1 } }] },
      {
        id: "beta",
        models: [
          {
            id: "b",
            prices: [{ prices: { input_mtok: 1, output_mtok: 2 } }, { constraint: { start_time: "noon", end_time: "1" }, prices: {} }],
          },
        ],
      },
      { id: "gamma", models: [{ id: "c", prices: { input_mtok: -1, output_mtok: 1e300 } }] },
    ]);
    const p = parseGenaiPrices(bad, { checkedAt, asOf });
    expect(p.errors.map((e) => [e.row, e.field])).toEqual([
      ["acme/a", "input_mtok"],
      ["beta/b", "prices.constraint"],
      ["gamma/c", "input_mtok"],
    ]);
    // 1e300 is a finite number: the catalog's row rules (lib/catalog/row-rules.ts) refuse it when it is imported.
    expect(() => parseGenaiPrices(JSON.stringify({ prices: [] }), { checkedAt, asOf })).toThrow(ImportFileError);
  });
});

describe("GPU offer CSV import", () => {
  it("reads offers, filling specifications of known GPUs, quoted fields and rental units", () => {
    const p = parseGpuCsv(fixture("gpu-offers.csv"), { checkedAt, sourceUrl: "upload" });
    expect(p.errors).toEqual([]);
    expect(p.rows).toHaveLength(4);
    expect(p.rows[0]).toMatchObject({
      provider: "Nebius",
      gpuType: "H100 SXM",
      pricePerGpuHour: 2.95,
      memoryGb: 80,
      bandwidthGbS: 3350,
      fp8Tflops: 1979,
      minGpus: 1,
      provisioning: "on_demand",
      regions: ["eu-north1", "us-central1"],
    });
    expect(p.rows[0].checkedAt.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(p.rows[2]).toMatchObject({ provider: "AWS p5", minGpus: 8, provisioning: "reserved_1y" });
    expect(p.rows[3]).toMatchObject({
      provider: "Acme GPU Cloud, Inc.",
      gpuType: "MI300X",
      memoryGb: 192,
      fp8Tflops: 2615,
      provisioning: "spot",
    });
  });

  it("names the line and column of every bad cell", () => {
    const bad = parseGpuCsv(fixture("gpu-offers-malformed.csv"), { checkedAt, sourceUrl: "upload" });
    expect(bad.errors.map((e) => `${e.row}:${e.field}`)).toEqual([
      "line 3:provider",
      "line 4:price_per_gpu_hour",
      "line 5:memory_gb",
      "line 5:bandwidth_gb_s",
      "line 5:bf16_tflops",
      "line 6:min_gpus",
      "line 6:provisioning",
    ]);
  });

  it("refuses a header without the required columns or with unknown ones", () => {
    expect(() => parseGpuCsv("gpu,price\nH100,2", { checkedAt, sourceUrl: "x" })).toThrow(/provider, gpu_type, price_per_gpu_hour/);
    expect(() => parseGpuCsv("provider,gpu_type,price_per_gpu_hour,colour\na,b,1,red", { checkedAt, sourceUrl: "x" })).toThrow(
      /Unknown column: colour/,
    );
  });

  it("reads a tenancy column, names a bad one, and leaves a draft's tenancy alone when the file has none", () => {
    const csv = "provider,gpu_type,price_per_gpu_hour,tenancy\nRunPod Community,H100 SXM,2.69,community\nOwnDC,H100 SXM,1.2,on-prem\n";
    expect(parseGpuCsv(csv, { checkedAt, sourceUrl: "x" }).rows.map((r) => r.tenancy)).toEqual(["community", "on_prem"]);
    const bad = parseGpuCsv("provider,gpu_type,price_per_gpu_hour,tenancy\nA,H100 SXM,2,shared\n", { checkedAt, sourceUrl: "x" });
    expect(bad.errors).toEqual([
      { row: "line 2", field: "tenancy", message: "must be one of on_prem, dedicated, shared_cloud, community" },
    ]);
    const priceOnly = parseGpuCsv("provider,gpu_type,price_per_gpu_hour\nRunPod Community,H100 SXM,2.49\n", {
      checkedAt,
      sourceUrl: "x",
    }).rows;
    expect("tenancy" in priceOnly[0]).toBe(false);
    const existing = [{ ...priceOnly[0], pricePerGpuHour: 2.69, tenancy: "community" as const }];
    const diff = diffRows(existing, priceOnly, gpuKey, GPU_PRICE_FIELDS, "merge");
    expect(diff.changed.map((c) => c.fields)).toEqual([["pricePerGpuHour"]]);
  });

  it("reads node size, certifications, terms and a note when the file has those columns, and leaves them alone when not", () => {
    const csv =
      "provider,gpu_type,price_per_gpu_hour,gpus_per_node,certifications,pricing_terms,note\n" +
      'AWS p5,H100 SXM,6.88,8,SOC 2; ISO 27001,"Per second, whole instances",\nLab,L40S,0.9,0,,,\n';
    const parsed = parseGpuCsv(csv, { checkedAt, sourceUrl: "x" });
    expect(parsed.errors).toEqual([{ row: "line 3", field: "gpus_per_node", message: "must be greater than 0" }]);
    expect(parsed.rows[0]).toMatchObject({
      gpusPerNode: 8,
      certifications: ["SOC 2", "ISO 27001"],
      pricingTerms: "Per second, whole instances",
      note: null,
    });
    const bare = parseGpuCsv("provider,gpu_type,price_per_gpu_hour\nAWS p5,H100 SXM,6.88\n", { checkedAt, sourceUrl: "x" }).rows[0];
    expect(["gpusPerNode", "certifications", "pricingTerms", "note"].filter((k) => k in bare)).toEqual([]);
    const diff = diffRows([{ ...bare, gpusPerNode: 4 }], parsed.rows, gpuKey, GPU_PRICE_FIELDS, "merge");
    expect(diff.changed.map((c) => c.fields)).toEqual([["gpusPerNode", "pricingTerms"]]);
  });

  it("parses RFC 4180 quoting", () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,"two\nlines",3\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["1", "two\nlines", "3"],
    ]);
  });
});

describe("import preview", () => {
  const base = parseLiteLlm(fixture("litellm-sample.json"), { checkedAt }).rows;
  it("counts added, changed (naming the fields), removed and unchanged rows", () => {
    const existing: ApiPriceRow[] = [
      { ...base[0], inputPerM: 0.2 }, // gpt-4o-mini at an old price
      base[1], // gpt-4.1 unchanged
      { ...base[0], model: "gpt-3.5-turbo" }, // OpenAI row not in the file
      { ...base[2], provider: "Cohere", model: "command-r" }, // provider not in the file
    ];
    const merge = diffRows(existing, base, apiKey, API_PRICE_FIELDS, "merge");
    expect(merge.added.map((r) => r.model)).toEqual(["claude-sonnet-4-5", "meta-llama/Llama-3.3-70B-Instruct-Turbo"]);
    expect(merge.changed.map((c) => [c.after.model, c.fields])).toEqual([["gpt-4o-mini", ["inputPerM"]]]);
    expect(merge.unchanged).toBe(1);
    expect(merge.removed).toEqual([]);
    const replace = diffRows(existing, base, apiKey, API_PRICE_FIELDS, "replace");
    expect(replace.removed.map((r) => r.model)).toEqual(["gpt-3.5-turbo"]);
  });
});
