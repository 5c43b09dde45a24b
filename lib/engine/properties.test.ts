import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { apiCostModel, apiMonthlyCost } from "./api-cost";
import { costsAt, findBreakeven } from "./breakeven";
import { monteCarlo } from "./monte-carlo";
import { replicasFor, selfHostCostModel, type SelfHostCostModel } from "./self-host-cost";
import { replicaCandidates } from "./self-host-sizing";
import { apiOption, gpu, model, selfHost, workload } from "./test-fixtures";
import { evaluateScenario } from "./evaluate";
import { scenario } from "./test-fixtures";

const RUNS = { numRuns: 300 };

const apiPrices = fc.record({
  inputPerM: fc.double({ min: 0.01, max: 20, noNaN: true }),
  cachedInputPerM: fc.option(fc.double({ min: 0.001, max: 5, noNaN: true }), { nil: null }),
  outputPerM: fc.double({ min: 0.01, max: 80, noNaN: true }),
  batchDiscount: fc.option(fc.double({ min: 0, max: 0.9, noNaN: true }), { nil: null }),
});

const workloadArb = fc.record({
  requestsPerMonth: fc.integer({ min: 0, max: 1_000_000_000 }),
  inputTokensPerRequest: fc.integer({ min: 0, max: 20_000 }),
  outputTokensPerRequest: fc.integer({ min: 1, max: 4000 }),
  apiCacheReadShare: fc.double({ min: 0, max: 0.95, noNaN: true }),
  selfHostPrefixCacheHitRate: fc.double({ min: 0, max: 0.9, noNaN: true }),
  peakToAverage: fc.double({ min: 1, max: 6, noNaN: true }),
  activeHoursPerDay: fc.double({ min: 1, max: 24, noNaN: true }),
  batchShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

const selfArb = fc.record({
  model: fc.constantFrom("Llama 3.1 8B", "Qwen3 8B", "Qwen3 30B-A3B", "Llama 3.3 70B"),
  gpuType: fc.constantFrom("H100 SXM", "H200 SXM", "A100 80GB", "L40S", "B200" as const),
  price: fc.double({ min: 0.2, max: 10, noNaN: true }),
  precision: fc.constantFrom("bf16", "fp8", "int4" as const),
  utilisation: fc.double({ min: 0.2, max: 1, noNaN: true }),
  failover: fc.integer({ min: 0, max: 2 }),
  minReplicas: fc.integer({ min: 0, max: 4 }),
  billingMode: fc.constantFrom("always-on", "active-window", "scale-to-zero" as const),
  rentUnit: fc.constantFrom(1, 1, 8),
  fte: fc.double({ min: 0, max: 2, noNaN: true }),
  pricing: fc.oneof(
    fc.constant({ kind: "on-demand" as const }),
    fc.record({
      kind: fc.constant("committed" as const),
      termMonths: fc.constantFrom(12, 36),
      committedGpus: fc.integer({ min: 1, max: 24 }),
      discount: fc.double({ min: 0, max: 0.7, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant("spot" as const),
      discount: fc.double({ min: 0, max: 0.8, noNaN: true }),
      interruptionRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
    }),
  ),
});

type SelfSpec = typeof selfArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: SelfSpec, w: ReturnType<typeof workload>): SelfHostCostModel | null {
  const option = selfHost({
    model: model(s.model),
    gpu: gpu(s.gpuType as "H100 SXM", s.price, { minGpus: s.rentUnit }),
    weightPrecision: s.precision,
    targetUtilisation: s.utilisation,
    failoverReplicas: s.failover,
    minReplicas: s.minReplicas,
    billingMode: s.billingMode,
    engineeringFte: s.fte,
    // A commitment cannot be combined with scale-to-zero (a field error): such cases run on demand.
    pricing: s.pricing.kind === "committed" && s.billingMode === "scale-to-zero" ? { kind: "on-demand" } : s.pricing,
  });
  const c = replicaCandidates(option, w, 20);
  return c.fits ? selfHostCostModel(option, c.candidates[0], w, 200_000) : null;
}

describe("properties", () => {
  test("the API bill never falls when volume rises", () => {
    fc.assert(
      fc.property(apiPrices, workloadArb, fc.integer({ min: 0, max: 1_000_000_000 }), (prices, w, extra) => {
        const wl = workload(w);
        const m = apiCostModel(apiOption({ prices }), wl, 200_000);
        return apiMonthlyCost(m, wl.requestsPerMonth + extra) >= apiMonthlyCost(m, wl.requestsPerMonth);
      }),
      RUNS,
    );
  });

  test("replicas never fall when volume rises", () => {
    let fits = 0;
    fc.assert(
      fc.property(selfArb, workloadArb, fc.integer({ min: 0, max: 1_000_000_000 }), (s, w, extra) => {
        const m = build(s, workload(w));
        if (!m) return true;
        fits++;
        return replicasFor(m, w.requestsPerMonth + extra) >= replicasFor(m, w.requestsPerMonth);
      }),
      RUNS,
    );
    // Options that do not fit the GPU say nothing about replicas: most generated ones must fit.
    expect(fits, "generated cases where the option fits").toBeGreaterThan(RUNS.numRuns / 2);
  });

  test("at the breakeven volume self-hosting costs no more than the API, and one request below it costs more", () => {
    let reached = 0;
    let belowChecked = 0;
    fc.assert(
      fc.property(selfArb, workloadArb, apiPrices, fc.constantFrom("fully-loaded", "gpu-only" as const), (s, w, prices, basis) => {
        const wl = workload(w);
        const m = build(s, wl);
        if (!m) return true;
        const api = apiCostModel(apiOption({ prices, integrationFte: 0.05 }), wl, 200_000);
        const linear = basis === "gpu-only" ? { perRequest: api.perRequest, fixed: 0 } : api;
        const be = findBreakeven(m, linear, wl.inputTokensPerRequest + wl.outputTokensPerRequest, basis);
        if (!be.reached) return true;
        reached++;
        const at = costsAt(m, linear, basis, be.requestsPerMonth);
        expect(at.selfCost).toBeLessThanOrEqual(at.apiCost);
        if (be.requestsPerMonth > 0) {
          belowChecked++;
          const below = costsAt(m, linear, basis, be.requestsPerMonth - 1);
          expect(below.selfCost).toBeGreaterThan(below.apiCost);
        }
        return true;
      }),
      { numRuns: 600 },
    );
    expect(reached).toBeGreaterThan(50);
    expect(belowChecked, "breakevens above zero, checked one request below").toBeGreaterThan(25);
  });

  test("from a reported breakeven up, self-hosting never costs more (checked exhaustively on small cases)", () => {
    let checked = 0;
    fc.assert(
      fc.property(selfArb, fc.integer({ min: 2000, max: 20000 }), (s, inputTokens) => {
        const wl = workload({
          requestsPerMonth: 1,
          inputTokensPerRequest: inputTokens,
          outputTokensPerRequest: 2000,
          peakToAverage: 6,
          activeHoursPerDay: 1,
        });
        const m = build({ ...s, price: 0.2 }, wl);
        if (!m) return true;
        const api = { perRequest: 2, fixed: 0 };
        const be = findBreakeven(m, api, inputTokens + 2000, "gpu-only");
        if (!be.reached || be.requestsPerMonth > 20_000) return true;
        checked++;
        for (let r = be.requestsPerMonth; r <= 2 * be.requestsPerMonth + 2000; r++) {
          const c = costsAt(m, api, "gpu-only", r);
          expect(c.selfCost).toBeLessThanOrEqual(c.apiCost);
        }
        if (be.requestsPerMonth > 0)
          expect(costsAt(m, api, "gpu-only", be.requestsPerMonth - 1).selfCost).toBeGreaterThan(
            costsAt(m, api, "gpu-only", be.requestsPerMonth - 1).apiCost,
          );
        return true;
      }),
      { numRuns: 100, seed: 14 },
    );
    expect(checked, "cases with a breakeven checked volume by volume").toBeGreaterThan(20);
  }, 30_000);

  test("a tie at zero volume followed by a loss is not a breakeven", () => {
    // Scale-to-zero with no people costs ties an API without fixed costs at zero volume, then
    // costs far more: the old rule reported "breaks even at 0 requests".
    const wl = workload({ requestsPerMonth: 1000 });
    const m = build(
      {
        model: "Llama 3.1 8B",
        gpuType: "B200",
        price: 10,
        precision: "bf16",
        utilisation: 0.7,
        failover: 0,
        minReplicas: 0,
        billingMode: "scale-to-zero",
        rentUnit: 1,
        fte: 0,
        pricing: { kind: "on-demand" },
      },
      wl,
    )!;
    const api = { perRequest: 0.0001, fixed: 0 };
    expect(costsAt(m, api, "gpu-only", 0).selfCost).toBe(0);
    expect(costsAt(m, api, "gpu-only", 1000).selfCost).toBeGreaterThan(costsAt(m, api, "gpu-only", 1000).apiCost);
    const be = findBreakeven(m, api, 1200, "gpu-only");
    expect(be.reached && be.requestsPerMonth === 0).toBe(false);
  });

  test("'not reached' says why (the marginal costs, per 1M tokens), and the self-host side really stays dearer", () => {
    const wl = workload({ requestsPerMonth: 1_000_000 });
    const m = build(
      {
        model: "Llama 3.3 70B",
        gpuType: "H100 SXM",
        price: 9,
        precision: "bf16",
        utilisation: 0.5,
        failover: 1,
        minReplicas: 2,
        billingMode: "always-on",
        rentUnit: 1,
        fte: 0.2,
        pricing: { kind: "on-demand" },
      },
      wl,
    )!;
    const api = { perRequest: 0.00001, fixed: 0 };
    const be = findBreakeven(m, api, 1200, "fully-loaded");
    // API: $0.00001 per request of 1,200 tokens = $0.00833 per 1M tokens.
    expect(be).toMatchObject({ reached: false, why: "marginal", utilisation: 0.5 });
    if (be.reached || be.why !== "marginal") throw new Error("expected a marginal-cost answer");
    expect(be.apiPerMillionTokens).toBeCloseTo(0.008333, 5);
    expect(be.selfPerMillionTokens).toBeGreaterThan(be.apiPerMillionTokens);
    for (const r of [0, 1e6, 1e9, 8e9])
      expect(costsAt(m, api, "fully-loaded", r).selfCost).toBeGreaterThan(costsAt(m, api, "fully-loaded", r).apiCost);
  });

  test("Monte Carlo with the same seed gives the same answer, another seed another sample", () => {
    const input = scenario();
    const a = evaluateScenario(input, { monteCarloSamples: 3000 }).uncertainty!;
    const b = evaluateScenario(input, { monteCarloSamples: 3000 }).uncertainty!;
    const c = evaluateScenario({ ...input, settings: { ...input.settings, seed: 7 } }, { monteCarloSamples: 3000 }).uncertainty!;
    expect(a).toEqual(b);
    expect(c.p50).not.toBe(a.p50);
    expect(a.p10).toBeLessThanOrEqual(a.p50);
    expect(a.p50).toBeLessThanOrEqual(a.p90);
  });

  test("Monte Carlo samples stay inside the triangles' bounds", () => {
    const input = scenario();
    const e = evaluateScenario(input, { monteCarloSamples: 2000 });
    const lows = e.tornado.reduce((s, t) => s + Math.min(0, t.lowDelta, t.highDelta), 0);
    const highs = e.tornado.reduce((s, t) => s + Math.max(0, t.lowDelta, t.highDelta), 0);
    // Joint moves can exceed the sum of one-at-a-time moves, but not wildly for this scenario.
    expect(e.uncertainty!.p10).toBeGreaterThan(e.comparison!.baseDifference + 3 * lows);
    expect(e.uncertainty!.p90).toBeLessThan(e.comparison!.baseDifference + 3 * highs);
    expect(monteCarlo).toBeTypeOf("function");
  });
});

describe("option-level breakeven through evaluateScenario", () => {
  test("at the reported volume the option costs no more than the API; one request below it costs more", () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("Llama 3.1 8B", "Llama 3.3 70B", "Qwen3 30B-A3B"),
        fc.constantFrom("H100 SXM", "H200 SXM", "L40S", "A100 80GB"),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        fc.double({ min: 0.05, max: 15, noNaN: true }),
        fc.integer({ min: 200, max: 8000 }),
        fc.constantFrom("always-on", "active-window", "scale-to-zero"),
        (modelName, gpuType, gpuPrice, outputPrice, inputTokens, billingMode) => {
          const base = {
            workload: {
              requestsPerMonth: 1_000_000,
              inputTokensPerRequest: inputTokens,
              outputTokensPerRequest: 300,
              activeHoursPerDay: 12,
            },
            apiOptions: [{ id: "api", label: "API", prices: { inputPerM: outputPrice / 4, outputPerM: outputPrice } }],
            selfHostOptions: [
              {
                id: "self",
                label: "Self",
                model: model(modelName),
                weightPrecision: "fp8",
                gpu: gpu(gpuType as "H100 SXM", gpuPrice),
                billingMode,
              },
            ],
          };
          const e = evaluateScenario(base, { monteCarloSamples: 0 });
          const be = e.breakeven[0]?.fullyLoaded;
          if (!be || !be.reached) return true;
          reached++;
          const at = (r: number) => {
            const x = evaluateScenario({ ...base, workload: { ...base.workload, requestsPerMonth: r } }, { monteCarloSamples: 0 });
            const cost = (id: string) => (x.options.find((o) => o.id === id) as { monthlyCost: number }).monthlyCost;
            return { self: cost("self"), api: cost("api") };
          };
          const there = at(be.requestsPerMonth);
          expect(there.self).toBeLessThanOrEqual(there.api * (1 + 1e-12));
          if (be.requestsPerMonth > 0) {
            const below = at(be.requestsPerMonth - 1);
            expect(below.self).toBeGreaterThan(below.api);
          }
          return true;
        },
      ),
      { numRuns: 80 },
    );
    expect(reached).toBeGreaterThan(10);
  });
});
