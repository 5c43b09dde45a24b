// Seeded random valid scenarios for the engine's property and golden tests.
import fc from "fast-check";
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

export const scenarioArb = fc.record({
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

export type Spec = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

export function input(s: Spec, requests: number) {
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
