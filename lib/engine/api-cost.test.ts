import { describe, expect, test } from "vitest";
import { apiCostLines, apiCostModel, apiMonthlyCost } from "./api-cost";
import { total } from "./cost-line";
import { describeApiLines, priceFlagText } from "./describe-lines";
import { apiOption, workload } from "./test-fixtures";

// Token mix used throughout: 1M requests, 1,000 input + 200 output tokens each, half of the
// input read from the provider's cache: I = 1e9 (5e8 uncached, 5e8 cached), O = 2e8.
const MIX = workload({ requestsPerMonth: 1_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200, apiCacheReadShare: 0.5 });
const DEEPSEEK = apiOption({ prices: { inputPerM: 0.27, cachedInputPerM: 0.07, outputPerM: 1.1 } });
const MINI = apiOption({ prices: { inputPerM: 0.15, cachedInputPerM: 0.075, outputPerM: 0.6, batchDiscount: 0.5 } });
const GROQ = apiOption({ prices: { inputPerM: 0.05, outputPerM: 0.08 } });

describe("API monthly cost, worked by hand", () => {
  test.each([
    // 5e8·0.27 + 5e8·0.07 + 2e8·1.10 (per 1e6) = 135 + 35 + 220
    ["DeepSeek V3 at $0.27 / $0.07 / $1.10", DEEPSEEK, MIX, 390],
    // 5e8·0.15 + 5e8·0.075 + 2e8·0.60 = 75 + 37.5 + 120
    ["GPT-4o-mini at $0.15 / $0.075 / $0.60", MINI, MIX, 232.5],
    // half the traffic through the batch API at 50% off: 232.5 · (1 − 0.5·0.5)
    ["GPT-4o-mini with half the traffic batched", MINI, { ...MIX, batchShare: 0.5 }, 174.375],
    // no cache: 1e9·0.15 + 2e8·0.6 = 150 + 120
    ["GPT-4o-mini without caching", MINI, { ...MIX, apiCacheReadShare: 0 }, 270],
    // no cached price: cached reads pay the input price: 1e9·0.05 + 2e8·0.08 = 50 + 16
    ["Groq without a cached price", GROQ, MIX, 66],
    ["zero volume", MINI, { ...MIX, requestsPerMonth: 0 }, 0],
  ])("%s", (_label, option, w, expected) => {
    const { lines } = apiCostLines(option, w, 200_000);
    expect(total(lines)).toBeCloseTo(expected, 9);
    expect(apiMonthlyCost(apiCostModel(option, w, 200_000), w.requestsPerMonth)).toBeCloseTo(expected, 9);
  });

  test("cache writes are billed at their own price", () => {
    const sonnet = apiOption({ prices: { inputPerM: 3, cachedInputPerM: 0.3, cacheWritePerM: 3.75, outputPerM: 15 } });
    const w = { ...MIX, apiCacheReadShare: 0.6, apiCacheWriteShare: 0.2 };
    // 2e8·3 + 6e8·0.3 + 2e8·3.75 + 2e8·15 = 600 + 180 + 750 + 3000
    expect(total(apiCostLines(sonnet, w, 0).lines)).toBeCloseTo(4530, 9);
  });

  test("a missing cached or cache-write price is flagged, never zero", () => {
    const { lines, flags } = apiCostLines(GROQ, { ...MIX, apiCacheWriteShare: 0.1 }, 0);
    expect(flags).toEqual([{ code: "no-cached-price" }, { code: "no-cache-write-price" }]);
    expect(flags.map(priceFlagText).join(" ")).toMatch(/^No cached-input price: .* No cache-write price: /);
    const cached = lines.find((l) => l.item.code === "cached-input")!;
    expect(cached).toMatchObject({ item: { code: "cached-input", unpriced: true }, unitPrice: 0.05 });
    expect(describeApiLines([cached], GROQ)[0]).toMatchObject({
      label: "Cached input tokens (read)",
      flag: "No cached-input price: billed at the input price",
    });
  });

  test("a batch share without a batch API is flagged and not discounted", () => {
    const { lines, flags } = apiCostLines(DEEPSEEK, { ...MIX, batchShare: 0.5 }, 0);
    expect(total(lines)).toBeCloseTo(390, 9);
    expect(flags.map(priceFlagText)).toContain("No batch API: the batch share is billed at the standard price.");
  });

  test("requests above the long-context threshold pay the tier price for all their tokens", () => {
    const tiered = apiOption({
      prices: {
        inputPerM: 1.25,
        cachedInputPerM: 0.125,
        outputPerM: 10,
        longContext: { thresholdTokens: 200_000, inputPerM: 2.5, cachedInputPerM: 0.25, outputPerM: 15 },
      },
    });
    const short = workload({ requestsPerMonth: 1000, inputTokensPerRequest: 100_000, outputTokensPerRequest: 1000, apiCacheReadShare: 0 });
    const long = { ...short, inputTokensPerRequest: 250_000 };
    // 1e8·1.25 + 1e6·10 = 125 + 10
    expect(total(apiCostLines(tiered, short, 0).lines)).toBeCloseTo(135, 9);
    // 2.5e8·2.5 + 1e6·15 = 625 + 15
    expect(total(apiCostLines(tiered, long, 0).lines)).toBeCloseTo(640, 9);
    expect(apiCostModel(tiered, long, 0).prices.tier).toBe("long-context");
  });

  test("integration effort is a line of engineer-months", () => {
    const option = apiOption({ prices: { inputPerM: 1, outputPerM: 1 }, integrationFte: 0.05 });
    const line = apiCostLines(option, MIX, 240_000).lines.at(-1)!;
    expect(line).toMatchObject({ item: { code: "api-engineering" }, quantity: 0.05, unitPrice: 20_000, monthlyCost: 1000 });
    expect(describeApiLines([line], option)[0]).toMatchObject({
      label: "Integration and maintenance engineering",
      unit: "engineer-months",
      source: "Assumption: 0.05 FTE at $240,000/year loaded",
    });
  });
});
