// Properties of whole evaluations on 1,000 seeded random valid scenarios: more volume never lowers
// a bill or a replica count, nothing is NaN, infinite or negative, and a reported breakeven is a
// volume where self-hosting really costs no more than every API.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateScenario } from "./evaluate";
import type { Evaluation } from "./result-schema";
import { gpu, model } from "./test-fixtures";

const api = fc.record({
  inputPerM: fc.double({ min: 0.02, max: 15, noNaN: true }),
  cachedInputPerM: fc.option(fc.double({ min: 0.005, max: 2, noNaN: true }), { nil: null }),
  outputPerM: fc.double({ min: 0.05, max: 60, noNaN: true }),
  batchDiscount: fc.option(fc.constantFrom(0.5), { nil: null }),
  integrationFte: fc.constantFrom(0, 0.05, 0.2),
});

const self = fc.record({
  model: fc.constantFrom("Llama 3.1 8B", "Qwen3 8B", "Qwen3 30B-A3B", "Llama 3.3 70B"),
  gpuType: fc.constantFrom("H100 SXM", "H200 SXM", "A100 80GB", "L40S", "B200" as const),
  price: fc.double({ min: 0.3, max: 9, noNaN: true }),
  weightPrecision: fc.constantFrom("bf16", "fp8", "int4" as const),
  targetUtilisation: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
  failoverReplicas: fc.integer({ min: 0, max: 2 }),
  minReplicas: fc.integer({ min: 0, max: 3 }),
  billingMode: fc.constantFrom("always-on", "active-window", "scale-to-zero" as const),
  minGpus: fc.constantFrom(1, 1, 8),
  engineeringFte: fc.constantFrom(0, 0.1, 0.5),
  setupEngineerWeeks: fc.constantFrom(0, 6),
});

const scenarioArb = fc.record({
  requestsPerMonth: fc.integer({ min: 0, max: 300_000_000 }),
  inputTokensPerRequest: fc.integer({ min: 0, max: 12_000 }),
  outputTokensPerRequest: fc.integer({ min: 1, max: 3000 }),
  apiCacheReadShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
  selfHostPrefixCacheHitRate: fc.double({ min: 0, max: 0.9, noNaN: true }),
  peakToAverage: fc.double({ min: 1, max: 6, noNaN: true }),
  activeHoursPerDay: fc.double({ min: 1, max: 24, noNaN: true }),
  apis: fc.array(api, { minLength: 1, maxLength: 3 }),
  selves: fc.array(self, { minLength: 1, maxLength: 2 }),
});

type Spec = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function input(s: Spec, requests: number) {
  const { apis, selves, ...w } = s;
  return {
    workload: { ...w, requestsPerMonth: requests },
    apiOptions: apis.map(({ integrationFte, ...prices }, i) => ({ id: `api-${i}`, label: `API ${i}`, prices, integrationFte })),
    selfHostOptions: selves.map((o, i) => ({
      id: `self-${i}`,
      label: `Self ${i}`,
      model: model(o.model),
      gpu: gpu(o.gpuType, o.price, { minGpus: o.minGpus }),
      weightPrecision: o.weightPrecision,
      targetUtilisation: o.targetUtilisation,
      failoverReplicas: o.failoverReplicas,
      minReplicas: o.minReplicas,
      billingMode: o.billingMode,
      engineeringFte: o.engineeringFte,
      setupEngineerWeeks: o.setupEngineerWeeks,
    })),
  };
}

/** Every number in the evaluation, with its path. */
function numbers(value: unknown, at = ""): [string, number][] {
  if (typeof value === "number") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${at}.${i}`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => numbers(v, `${at}.${k}`));
  return [];
}

const priced = (e: Evaluation) => new Map(e.options.filter((o) => o.feasible).map((o) => [o.id, o as Extract<Evaluation["options"][number], { feasible: true }>]));

describe("1,000 seeded random scenarios", () => {
  test("doubling volume never lowers a bill or a replica count; no NaN, Infinity or negative cost; breakevens hold", () => {
    const seen = { selfHost: 0, volumeChecks: 0, breakevens: 0 };
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const e1 = evaluateScenario(input(s, s.requestsPerMonth), { monteCarloSamples: 0 });
        const e2 = evaluateScenario(input(s, s.requestsPerMonth * 2), { monteCarloSamples: 0 });
        for (const e of [e1, e2]) {
          for (const [path, v] of numbers(e)) expect(Number.isFinite(v), `${path} = ${v}`).toBe(true);
          for (const o of priced(e).values()) expect(o.monthlyCost, o.id).toBeGreaterThanOrEqual(0);
          for (const costs of Object.values(e.costCurve.costs)) expect(Math.min(...costs)).toBeGreaterThanOrEqual(0);
        }
        const before = priced(e1);
        for (const [id, after] of priced(e2)) {
          const was = before.get(id)!;
          expect(after.monthlyCost, id).toBeGreaterThanOrEqual(was.monthlyCost * (1 - 1e-12));
          if (after.kind === "self-host" && was.kind === "self-host") {
            seen.selfHost++;
            expect(after.sizing.replicas, id).toBeGreaterThanOrEqual(was.sizing.replicas);
          }
          seen.volumeChecks++;
        }
        for (const b of e1.breakeven) {
          if (!b.fullyLoaded.reached) continue;
          seen.breakevens++;
          const at = priced(evaluateScenario(input(s, b.fullyLoaded.requestsPerMonth), { monteCarloSamples: 0 }));
          const cheapestApi = Math.min(...[...at.values()].filter((o) => o.kind === "api").map((o) => o.monthlyCost));
          expect(at.get(b.selfHostId)!.monthlyCost).toBeLessThanOrEqual(cheapestApi * (1 + 1e-9) + 1e-9);
        }
        return true;
      }),
      { numRuns: 1000, seed: 20261201 },
    );
    // The property must have been exercised, not passed vacuously.
    expect(seen.selfHost).toBeGreaterThan(500);
    expect(seen.breakevens).toBeGreaterThan(100);
    console.info(`scenario properties: ${seen.volumeChecks} option volume checks, ${seen.selfHost} self-host replica checks, ${seen.breakevens} breakevens verified`);
  }, 180_000);
});
