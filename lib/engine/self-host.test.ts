import { describe, expect, test } from "vitest";
import { HOURS_PER_MONTH } from "./constants";
import {
  coldStartsFor,
  fixedMonthlyCost,
  gpuHoursFor,
  gpuMonthlyCost,
  peopleEngineerMonths,
  replicasFor,
  selfHostCostLines,
  selfHostCostModel,
  selfHostMonthlyCost,
} from "./self-host-cost";
import { kvBytesPerToken, weightBytes } from "./roofline";
import { replicaCandidates } from "./self-host-sizing";
import { total } from "./cost-line";
import { describeSelfHostLines } from "./describe-lines";
import { gpu, model, selfHost, workload } from "./test-fixtures";

function sized(optionOverrides: Record<string, unknown>, w = workload({ requestsPerMonth: 1_000_000 }), salary = 200_000) {
  const option = selfHost(optionOverrides);
  const c = replicaCandidates(option, w, 20);
  if (!c.fits) throw new Error(`does not fit: ${JSON.stringify(c.doesNotFit)}`);
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
    const { model: m } = sized(
      { engineeringFte: 0.2, setupEngineerWeeks: 0, modelSwitchesPerYear: 0, overhead: { mode: "percent", percentOfGpu: 0 } },
      undefined,
      salary,
    );
    expect(fixedMonthlyCost(m) * 12).toBeCloseTo(perYear, 9);
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

  test("DeepSeek V3's latent attention: 61 · (512 + 64) · 2 B = 70,272 B per token, 1/57 of the grouped-query formula", () => {
    const deepseek = {
      name: "DeepSeek V3",
      totalParamsB: 671,
      activeParamsB: 37,
      layers: 61,
      kvHeads: 128,
      headDim: 128,
      contextLength: 163840,
    };
    const mla = selfHost({ model: { ...deepseek, kvCache: { kind: "latent", kvLoraRank: 512, ropeHeadDim: 64 } } });
    const gqa = selfHost({ model: deepseek });
    expect(kvBytesPerToken(mla)).toBe(70_272);
    expect(kvBytesPerToken(gqa)).toBe(3_997_696); // 2 · 61 · 128 · 128 · 2
    expect(Math.round(kvBytesPerToken(gqa) / kvBytesPerToken(mla))).toBe(57);
    expect(kvBytesPerToken(selfHost({ model: { ...deepseek, kvCache: { kind: "override", bytesPerToken: 12_345 } } }))).toBe(12_345);
  });

  test("a 70B fp8 model on one 80 GB GPU at 8k context holds 2 sequences, and the result says it is starved", () => {
    // Room per GPU: 80 GiB · 0.9 − 0.5 GiB = 71.5 GiB = 76.77 GB; weights 70.6 GB; KV per sequence
    // (7,192 + 500 live tokens) · 327,680 B = 2.5205 GB → (76.77 − 70.6) / 2.5205 = 2.4 → 2.
    // TP 2: (153.55 − 70.6) / 2.5205 = 32.9; TP 4: 93.8; TP 8: 215.7.
    const option = selfHost({ model: model("Llama 3.3 70B"), weightPrecision: "fp8" });
    const w = workload({ requestsPerMonth: 1000, inputTokensPerRequest: 7192, outputTokensPerRequest: 1000 });
    const c = replicaCandidates(option, w, 20);
    if (!c.fits) throw new Error(`does not fit: ${JSON.stringify(c.doesNotFit)}`);
    expect(c.candidates.map((x) => [x.tensorParallel, x.maxSequencesByMemory])).toEqual([
      [1, 2],
      [2, 32],
      [4, 93],
      [8, 215],
    ]);
    expect(c.candidates[0].notes).toContainEqual({ code: "kv-starved", sequences: 2, tokens: 7692, tensorParallel: 1 });
  });

  test("a 70B bf16 model does not fit one node of L40S at long context, and says why", () => {
    const option = selfHost({ model: model("Llama 3.3 70B"), gpu: gpu("L40S", 1) });
    const c = replicaCandidates(
      option,
      workload({ requestsPerMonth: 1, inputTokensPerRequest: 900_000, outputTokensPerRequest: 1000 }),
      20,
    );
    if (c.fits) throw new Error("expected the model not to fit");
    // The most one node offers (eight GPUs) against the weights plus the KV cache of one 900k-token sequence.
    expect(c.doesNotFit.gpus).toBe(8);
    expect(c.doesNotFit.contextTokens).toBeGreaterThan(900_000);
    expect(c.doesNotFit.needGb).toBeGreaterThan(c.doesNotFit.usableGb);
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

  test("scale-to-zero at high volume bills the replicas the average load needs", () => {
    const { model: m } = sized({ ...base, billingMode: "scale-to-zero" }, w);
    const busy = ((w.requestsPerMonth * m.loadPerRequest) / m.peakToAverage / 0.5) * 12 * (730 / 24);
    expect(busy).toBeGreaterThan(12 * (730 / 24));
    expect(gpuHoursFor(m, w.requestsPerMonth)).toBeCloseTo(busy, 6);
    expect(gpuHoursFor(m, 0)).toBe(0);
  });

  // A 2-hour daily window is 2 · 730/24 = 60.83 hours (219,000 s) a month; idle timeout 600 s,
  // cold start 60 s. λT = R · 600 / 219,000.
  const window = workload({ requestsPerMonth: 10_000, activeHoursPerDay: 2 });
  test("scale-to-zero keeps a replica warm while traffic arrives more often than the idle timeout", () => {
    const { model: m } = sized({ billingMode: "scale-to-zero" }, window);
    // 10,000 requests: λT = 27.4, warm share 1 − e^−27.4 ≈ 1 → 60.83 GPU-hours, $154.52 at $2.54.
    expect(gpuHoursFor(m, 10_000)).toBeCloseTo(60.8333, 3);
    expect(gpuMonthlyCost(m, 10_000)).toBeCloseTo(154.52, 2);
  });

  test("scale-to-zero with sparse traffic pays idle timeouts and cold starts", () => {
    const { model: m } = sized({ billingMode: "scale-to-zero" }, window);
    // 100 requests: λT = 0.27397, e^−λT = 0.76035; warm share 0.23965 + 100 · 0.76035 · 60 / 219,000 = 0.26048
    expect(coldStartsFor(m, 100)).toBeCloseTo(76.035, 2);
    expect(gpuHoursFor(m, 100)).toBeCloseTo(0.26048 * 60.8333, 2);
  });

  test("scale-to-zero rents a lone replica in the offer's rental unit", () => {
    const { model: m } = sized({ billingMode: "scale-to-zero", tensorParallel: 2, gpu: gpu("H100 SXM", 6.88, { minGpus: 8 }) }, window);
    expect(gpuHoursFor(m, 10_000)).toBeCloseTo(8 * 60.8333, 2);
  });

  test("an 8-GPU rental unit rents GPUs in eights", () => {
    const { model: m } = sized({ ...base, gpu: gpu("H100 SXM", 6.88, { minGpus: 8 }) }, workload({ requestsPerMonth: 0 }));
    expect(gpuHoursFor(m, 0)).toBe(8 * HOURS_PER_MONTH);
  });
});

describe("cost lines", () => {
  test("the lines add up to the monthly cost, and every line names its source", () => {
    const { option, model: m, w } = sized({ overhead: { mode: "percent", percentOfGpu: 0.15 } });
    const figures = selfHostCostLines(m, option, w.requestsPerMonth);
    expect(total(figures)).toBeCloseTo(selfHostMonthlyCost(m, w.requestsPerMonth), 6);
    expect(figures.map((l) => l.item.code)).toEqual([
      "gpu-time",
      "overhead-share",
      "people-engineering",
      "people-setup",
      "people-switching",
    ]);
    const lines = describeSelfHostLines(figures, option);
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
    const perMonth = (p: number) => (p * 208_000) / 12;
    expect(perMonth(peopleEngineerMonths(m).setup)).toBeCloseTo(1000, 9);
    expect(perMonth(peopleEngineerMonths(m).switching)).toBeCloseTo(16000 / 12, 9);
  });
});
