import { describe, expect, test } from "vitest";
import { HOURS_PER_MONTH } from "./constants";
import { copyCostModel, gpuHoursFor, gpuMonthlyCost, peopleMonthly, replicasFor, selfHostCostLines, selfHostCostModel, selfHostMonthlyCost } from "./self-host-cost";
import { kvBytesPerToken, replicaCandidates, weightBytes } from "./self-host-sizing";
import { total } from "./cost-line";
import { gpu, model, selfHost, workload } from "./test-fixtures";

function sized(optionOverrides: Record<string, unknown>, w = workload({ requestsPerMonth: 1_000_000 }), salary = 200_000) {
  const option = selfHost(optionOverrides);
  const c = replicaCandidates(option, w, 20);
  if (!c.fits) throw new Error(c.reason);
  return { option, capacity: c.candidates[0], model: selfHostCostModel(option, c.candidates[0], w, salary), w };
}

describe("hand-worked self-host figures", () => {
  test("an H100 at $2.54/h always on is $1,854.20 a month", () => {
    const { model: m } = sized({ minReplicas: 1, failoverReplicas: 0 }, workload({ requestsPerMonth: 0 }));
    expect(replicasFor(m, 0)).toBe(1);
    expect(gpuHoursFor(m, 0)).toBe(HOURS_PER_MONTH);
    expect(gpuMonthlyCost(m, 0)).toBeCloseTo(1854.2, 9);
  });

  test.each([
    [150_000, 30_000],
    [200_000, 40_000],
    [250_000, 50_000],
  ])("20%% of an engineer at $%i a year is $%i a year", (salary, perYear) => {
    const { model: m } = sized({ engineeringFte: 0.2 }, undefined, salary);
    expect(peopleMonthly(m).engineering * 12).toBeCloseTo(perYear, 9);
  });

  test.each([
    ["Llama 3.1 8B", "bf16", 16.06e9, 131_072],
    ["Llama 3.1 8B", "fp8", 8.03e9, 131_072],
    ["Llama 3.3 70B", "bf16", 141.2e9, 327_680],
    ["Llama 3.3 70B", "fp8", 70.6e9, 327_680],
  ] as const)("%s in %s: weights and KV bytes per token", (name, precision, weights, kv) => {
    const option = selfHost({ model: model(name), weightPrecision: precision });
    expect(weightBytes(option)).toBeCloseTo(weights, 0);
    // Llama 3 8B: 2 · 32 layers · 8 KV heads · 128 · 2 bytes = 128 KiB; 70B: 80 layers = 320 KiB
    expect(kvBytesPerToken(option)).toBe(kv);
  });

  test("a 70B fp8 model needs more than one 80 GB GPU at 8k context", () => {
    const option = selfHost({ model: model("Llama 3.3 70B"), weightPrecision: "fp8" });
    const w = workload({ requestsPerMonth: 1000, inputTokensPerRequest: 7192, outputTokensPerRequest: 1000 });
    const c = replicaCandidates(option, w, 20);
    expect(c.fits && c.candidates[0].tensorParallel).toBe(2);
  });

  test("a 70B bf16 model does not fit one node of L40S at long context, and says why", () => {
    const option = selfHost({ model: model("Llama 3.3 70B"), gpu: gpu("L40S", 1) });
    const c = replicaCandidates(option, workload({ requestsPerMonth: 1, inputTokensPerRequest: 900_000, outputTokensPerRequest: 1000 }), 20);
    expect(c.fits).toBe(false);
    if (!c.fits) expect(c.reason).toMatch(/Does not fit one 8-GPU node/);
  });
});

describe("billing modes", () => {
  const base = { minReplicas: 2, failoverReplicas: 1, targetUtilisation: 0.5 };
  const w = workload({ requestsPerMonth: 50_000_000, activeHoursPerDay: 12 });

  test("always-on bills every replica around the clock", () => {
    const { model: m } = sized({ ...base, billingMode: "always-on" }, w);
    expect(gpuHoursFor(m, w.requestsPerMonth)).toBe(replicasFor(m, w.requestsPerMonth) * HOURS_PER_MONTH);
  });

  test("active-window bills the minimum around the clock and the rest only in active hours", () => {
    const { model: m } = sized({ ...base, billingMode: "active-window" }, w);
    const n = replicasFor(m, w.requestsPerMonth);
    expect(n).toBeGreaterThan(2);
    expect(gpuHoursFor(m, w.requestsPerMonth)).toBeCloseTo((n - 2) * 12 * (730 / 24) + 2 * 730, 9);
  });

  test("scale-to-zero bills busy hours only, with the cold-start buffer", () => {
    const { model: m } = sized({ ...base, billingMode: "scale-to-zero", coldStartBuffer: 0.1 }, w);
    const busy = ((w.requestsPerMonth * m.loadPerRequest) / m.peakToAverage) * 12 * (730 / 24);
    expect(gpuHoursFor(m, w.requestsPerMonth)).toBeCloseTo((busy / 0.5) * 1.1, 6);
    expect(gpuHoursFor(m, 0)).toBe(0);
  });

  test("an 8-GPU rental unit rents GPUs in eights", () => {
    const { model: m } = sized({ ...base, gpu: gpu("H100 SXM", 6.88, { minGpus: 8 }) }, workload({ requestsPerMonth: 0 }));
    expect(gpuHoursFor(m, 0)).toBe(8 * HOURS_PER_MONTH);
  });
});

describe("cost lines", () => {
  test("the lines add up to the monthly cost, and every line names its source", () => {
    const { option, model: m, w } = sized({ overhead: { mode: "percent", percentOfGpu: 0.15 } });
    const lines = selfHostCostLines(m, option, w.requestsPerMonth);
    expect(total(lines)).toBeCloseTo(selfHostMonthlyCost(m, w.requestsPerMonth), 6);
    expect(lines.every((l) => l.source.length > 0 && Number.isFinite(l.monthlyCost))).toBe(true);
    expect(lines.map((l) => l.label)).toEqual([
      expect.stringContaining("GPU time"),
      expect.stringContaining("Infrastructure overhead"),
      expect.stringContaining("engineering"),
      expect.stringContaining("set-up"),
      expect.stringContaining("Model switches"),
    ]);
  });

  test("set-up is amortised over the horizon and switching is spread over the year", () => {
    const w = workload({ requestsPerMonth: 1000, horizonMonths: 24 });
    const { model: m } = sized({ setupEngineerWeeks: 6, modelSwitchesPerYear: 2, weeksPerSwitch: 2 }, w, 208_000);
    // $208,000 / 52 = $4,000 a week: set-up 6·4000/24 = 1000; switching 2·2·4000/12 = 1333.33
    expect(peopleMonthly(m).setup).toBeCloseTo(1000, 9);
    expect(peopleMonthly(m).switching).toBeCloseTo(16000 / 12, 9);
  });
});

describe("copyCostModel", () => {
  // The what-if scratch model must share the hidden class of the models it re-prices: same
  // fields, same order. A field added to one and not the other, or in another place, fails here.
  test("copies every field of selfHostCostModel's result, in the same order, with the same values", () => {
    for (const overrides of [{}, { billingMode: "scale-to-zero" }, { overhead: { mode: "lines", networking: 100, storage: 0, loadBalancing: 0, observability: 0 } }]) {
      const { model: m } = sized(overrides);
      const copy = copyCostModel(m);
      expect(copy).not.toBe(m);
      expect(Object.keys(copy)).toEqual(Object.keys(m));
      expect(copy).toEqual(m);
    }
  });
});
