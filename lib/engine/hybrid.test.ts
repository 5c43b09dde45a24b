// Hybrid: replicas for the base load and an API for the overflow, priced hour by hour.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { HOURS_PER_MONTH } from "./constants";
import { EngineInputError, evaluateScenario, parseScenario } from "./evaluate";
import { hybridCosts } from "./hybrid";
import { dailyProfile } from "./profile";
import type { SelfHostCostModel } from "./self-host-cost";
import { input, scenarioArb } from "./test-scenarios";
import { gpu, model, workload } from "./test-fixtures";

// One replica = one GPU at $1/h always on = $730 a month; 3.6 s of work a request at full
// utilisation, so a replica serves 1,000 requests an hour.
const activeSeconds = HOURS_PER_MONTH * 3600;
const replica: SelfHostCostModel = {
  tensorParallel: 1,
  rentUnit: 1,
  failoverReplicas: 0,
  minReplicas: 0,
  utilisation: 1,
  billingMode: "always-on",
  idleTimeoutSeconds: 600,
  coldStartSeconds: 60,
  activeHoursPerDay: 24,
  peakToAverage: 1,
  pricePerGpuHour: 1,
  committedGpus: 0,
  committedPricePerGpuHour: 0,
  overheadShare: 0,
  overheadFixed: 0,
  owned: null,
  engineeringFte: 0,
  operationsFte: 0,
  setupEngineerWeeks: 0,
  horizonMonths: 24,
  switchesPerYear: 0,
  weeksPerSwitch: 0,
  engineerAnnualCost: 200_000,
  loadPerRequest: 3.6 / activeSeconds,
};

describe("the hybrid optimum worked by hand", () => {
  // 12 hours a day at 1,000 requests/h and 12 at 3,000: 48,000 a day, 1,460,000 a month.
  const profile = [...Array(12).fill(1000), ...Array(12).fill(3000)];
  const api = { perRequest: 0.0015, fixed: 0, prices: null as never };

  test("n = 0: $2,190; n = 1: $730 + $1,095 = $1,825; n = 2: $1,460 + $547.50 = $2,007.50; n = 3: $2,190", () => {
    const shares = profile.map((v) => v / 48_000);
    const c = hybridCosts(replica, api, shares, 1_460_000);
    expect(c.requestsPerReplicaHour).toBeCloseTo(1000, 9);
    expect(c.curve.map((p) => p.replicas)).toEqual([0, 1, 2, 3]);
    const costs = c.curve.map((p) => p.monthlyCost);
    [2190, 1825, 2007.5, 2190].forEach((v, i) => expect(costs[i]).toBeCloseTo(v, 6));
    // The first replica is full around the clock (730,000 requests, $1,095 at the API's price, more
    // than its $730); the second is full only in the busy half ($547.50 of API, less than $730).
    expect(c.best.replicas).toBe(1);
    expect(c.best.selfShare).toBeCloseTo(0.5, 12);
    expect(c.cut).toBe(false);
  });
});

describe("the 24-hour profile", () => {
  test("generated from a peak of 3 over 12 active hours: 12 hours with traffic, busiest 3× their average", () => {
    const p = dailyProfile(workload({ requestsPerMonth: 1, peakToAverage: 3, activeHoursPerDay: 12 }));
    expect(p).toHaveLength(24);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const active = p.filter((v) => v > 0);
    expect(active).toHaveLength(12);
    expect(Math.max(...active) / (1 / 12)).toBeCloseTo(3, 1);
  });

  test("flat when the peak ratio is 1; a typed profile is normalised", () => {
    const flat = dailyProfile(workload({ requestsPerMonth: 1, peakToAverage: 1, activeHoursPerDay: 24 }));
    expect(new Set(flat.map((v) => v.toFixed(12)))).toEqual(new Set([(1 / 24).toFixed(12)]));
    const typed = dailyProfile(workload({ requestsPerMonth: 1, hourlyProfile: Array.from({ length: 24 }, (_, h) => (h < 12 ? 1 : 3)) }));
    expect(typed[0]).toBeCloseTo(1 / 48, 12);
    expect(typed[23]).toBeCloseTo(3 / 48, 12);
  });
});

describe("properties", () => {
  test("a hybrid never costs more than the cheaper of all-self-host and all-API on the same profile", () => {
    let priced = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const raw = input(s, s.requestsPerMonth);
        // A hybrid keeps its replicas running: scale-to-zero options are a field error.
        raw.selfHostOptions = raw.selfHostOptions.map((o) => ({
          ...o,
          billingMode: o.billingMode === "scale-to-zero" ? "always-on" : o.billingMode,
        }));
        const e = evaluateScenario(
          { ...raw, hybridOptions: [{ id: "hybrid", label: "Hybrid", selfHostId: "self-0", apiId: "api-0" }] },
          { monteCarloSamples: 0 },
        );
        const h = e.hybrid[0];
        if (!h.feasible) return true;
        priced++;
        expect(h.monthlyCost).toBeLessThanOrEqual(Math.min(h.allApiMonthlyCost, h.allSelfHostMonthlyCost) + 1e-9);
        expect(h.curve.monthlyCost[0]).toBe(h.allApiMonthlyCost);
        return true;
      }),
      { numRuns: 200, seed: 31 },
    );
    expect(priced, "scenarios whose hybrid was priced").toBeGreaterThan(100);
  });
});

describe("in the recommendation", () => {
  // GPT-4o-mini at 150M requests a month, a 3× daily peak, Llama 3.1 8B on H100s for the base load.
  const scenario = (closeCallMargin: number) => ({
    workload: {
      requestsPerMonth: 150_000_000,
      inputTokensPerRequest: 1200,
      outputTokensPerRequest: 300,
      apiCacheReadShare: 0.5,
      peakToAverage: 3,
      activeHoursPerDay: 16,
    },
    apiOptions: [
      { id: "mini", label: "GPT-4o-mini", prices: { inputPerM: 0.15, cachedInputPerM: 0.075, outputPerM: 0.6, batchDiscount: 0.5 } },
    ],
    selfHostOptions: [
      {
        id: "llama",
        label: "Llama 3.1 8B",
        model: model("Llama 3.1 8B"),
        gpu: gpu("H100 SXM", 3.85),
        weightPrecision: "fp8",
        minReplicas: 1,
      },
    ],
    hybridOptions: [{ id: "hy", label: "Replicas + API", selfHostId: "llama", apiId: "mini" }],
    settings: { closeCallMargin },
  });

  test("a hybrid cheaper than every option by more than the close-call margin is the recommendation", () => {
    const e = evaluateScenario(scenario(0.01), { monteCarloSamples: 0 });
    const h = e.hybrid[0];
    if (!h.feasible) throw new Error(h.reason);
    expect(e.recommendation).toMatchObject({ outcome: "hybrid", optionId: "hy", monthlyCost: h.monthlyCost });
    expect(e.recommendation.reason).toMatch(/^Replicas \+ API costs \$[\d,]+ a month, \$[\d,]+ less than GPT-4o-mini: \d+ replicas serve/);
  });

  test("within the close-call margin of the API, the API is kept and the hybrid named", () => {
    const e = evaluateScenario(scenario(0.5), { monteCarloSamples: 0 });
    expect(e.recommendation.outcome).toBe("api");
    expect(e.recommendation.warnings.join(" ")).toContain("That is within the close-call margin, so the API is kept.");
  });
});

describe("bad hybrid input names the field", () => {
  const base = {
    workload: { requestsPerMonth: 1_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200 },
    apiOptions: [{ id: "mini", label: "Mini", prices: { inputPerM: 0.15, outputPerM: 0.6 } }],
    selfHostOptions: [{ id: "h100", label: "H100", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 2.54) }],
  };
  const issuesOf = (s: Record<string, unknown>) => {
    try {
      parseScenario({ ...base, ...s });
    } catch (error) {
      if (error instanceof EngineInputError) return error.issues.map((i) => `${i.path}: ${i.message}`);
      throw error;
    }
    return [];
  };

  test("an overflow API that is not in the scenario, a self-host option that scales to zero", () => {
    expect(issuesOf({ hybridOptions: [{ id: "hy", label: "Hybrid", selfHostId: "h100", apiId: "gpt-4o" }] })).toEqual([
      "hybridOptions.0.apiId: is not an API option of this scenario",
    ]);
    expect(
      issuesOf({
        selfHostOptions: [{ ...base.selfHostOptions[0], billingMode: "scale-to-zero" }],
        hybridOptions: [{ id: "hy", label: "Hybrid", selfHostId: "h100", apiId: "mini" }],
      }),
    ).toEqual(["hybridOptions.0.selfHostId: scales to zero: a hybrid keeps its replicas running (choose always on or active window)"]);
  });

  test("a profile of 23 hours or with a negative hour", () => {
    expect(issuesOf({ workload: { ...base.workload, hourlyProfile: Array(23).fill(1) } })).toEqual([
      "workload.hourlyProfile: needs 24 values, one per hour from midnight",
    ]);
    expect(issuesOf({ workload: { ...base.workload, hourlyProfile: [-1, ...Array(23).fill(1)] } })).toEqual([
      "workload.hourlyProfile.0: cannot be negative",
    ]);
  });
});
