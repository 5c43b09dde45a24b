// The cost difference (best self-host − best API) as a cheap function of the key inputs, for the
// tornado, the Monte Carlo and the revisit triggers. It re-prices the sized options with the same
// formulas as the main evaluation (api-cost.ts, self-host-cost.ts); it does not re-size memory.
import { apiTokenCostPerRequest, type EffectiveApiPrices } from "./api-cost";
import { MONTHS_PER_YEAR } from "./constants";
import { loadPerRequestOf, selfHostMonthlyCost, type LoadInputs, type SelfHostCostModel } from "./self-host-cost";

export const KEY_INPUTS = [
  "volume",
  "gpuPrice",
  "tokenPrice",
  "apiCacheRead",
  "selfCacheHit",
  "utilisation",
  "throughput",
  "engineeringFte",
  "salary",
  "peak",
] as const;
export type KeyInput = (typeof KEY_INPUTS)[number];

/** Multipliers for volume, prices, throughput and FTE; absolute values for shares, salary, peak. */
export type WhatIf = Partial<Record<KeyInput, number>>;

export type PairModel = {
  requestsPerMonth: number;
  api: {
    prices: EffectiveApiPrices;
    inputTokens: number;
    outputTokens: number;
    cacheReadShare: number;
    cacheWriteShare: number;
    batchShare: number;
    integrationFte: number;
  };
  self: { cost: SelfHostCostModel; load: LoadInputs };
  engineerAnnualCost: number;
};

export function baseValue(p: PairModel, input: KeyInput): number {
  switch (input) {
    case "apiCacheRead":
      return p.api.cacheReadShare;
    case "selfCacheHit":
      return p.self.load.prefixCacheHitRate;
    case "utilisation":
      return p.self.cost.utilisation;
    case "salary":
      return p.engineerAnnualCost;
    case "peak":
      return p.self.load.peakToAverage;
    default:
      return 1; // multipliers
  }
}

export function apiCostWhatIf(p: PairModel, x: WhatIf): number {
  const a = p.api;
  const h = Math.min(x.apiCacheRead ?? a.cacheReadShare, 1 - a.cacheWriteShare);
  // Token cost is linear in the prices, so the token-price multiplier scales the result (no
  // scaled copy of the prices: this runs tens of thousands of times per evaluation).
  const perRequest =
    apiTokenCostPerRequest(a.inputTokens, a.outputTokens, h, a.cacheWriteShare, a.prices) *
    (x.tokenPrice ?? 1) *
    (1 - a.batchShare * a.prices.batchDiscount);
  const salary = x.salary ?? p.engineerAnnualCost;
  return perRequest * p.requestsPerMonth * (x.volume ?? 1) + (a.integrationFte * salary) / MONTHS_PER_YEAR;
}

export function selfCostWhatIf(p: PairModel, x: WhatIf): number {
  const base = p.self.cost;
  const changesLoad = x.selfCacheHit !== undefined || x.peak !== undefined || x.throughput !== undefined;
  // Every field written out rather than spread from the base: V8 copies a spread of this many
  // fields on its slow path, and this runs tens of thousands of times an evaluation
  // (docs/decisions/0003-engine-speed.md). The type makes a new field a compile error here.
  const model: SelfHostCostModel = {
    tensorParallel: base.tensorParallel,
    rentUnit: base.rentUnit,
    failoverReplicas: base.failoverReplicas,
    minReplicas: base.minReplicas,
    utilisation: x.utilisation ?? base.utilisation,
    billingMode: base.billingMode,
    idleTimeoutSeconds: base.idleTimeoutSeconds,
    coldStartSeconds: base.coldStartSeconds,
    activeHoursPerDay: base.activeHoursPerDay,
    peakToAverage: x.peak ?? base.peakToAverage,
    pricePerGpuHour: base.pricePerGpuHour * (x.gpuPrice ?? 1),
    overheadShare: base.overheadShare,
    overheadFixed: base.overheadFixed,
    engineeringFte: base.engineeringFte * (x.engineeringFte ?? 1),
    setupEngineerWeeks: base.setupEngineerWeeks,
    horizonMonths: base.horizonMonths,
    switchesPerYear: base.switchesPerYear,
    weeksPerSwitch: base.weeksPerSwitch,
    engineerAnnualCost: x.salary ?? base.engineerAnnualCost,
    loadPerRequest: changesLoad
      ? loadPerRequestOf(
          p.self.load,
          x.selfCacheHit ?? p.self.load.prefixCacheHitRate,
          x.peak ?? p.self.load.peakToAverage,
          x.throughput ?? 1,
        )
      : base.loadPerRequest,
  };
  return selfHostMonthlyCost(model, p.requestsPerMonth * (x.volume ?? 1));
}

/** Self-host − API, US$ per month; negative means self-hosting is cheaper. */
export function difference(p: PairModel, x: WhatIf = {}): number {
  return selfCostWhatIf(p, x) - apiCostWhatIf(p, x);
}

export type Range = { low: number; high: number };

/** Low and high values of each key input: the tornado's bars and the Monte Carlo's triangles. */
export function inputRanges(p: PairModel): Record<KeyInput, Range> {
  const h = p.api.cacheReadShare;
  const hs = p.self.load.prefixCacheHitRate;
  const u = p.self.cost.utilisation;
  const salary = p.engineerAnnualCost;
  const peak = p.self.load.peakToAverage;
  return {
    volume: { low: 0.5, high: 2 },
    gpuPrice: { low: 0.7, high: 1.3 },
    tokenPrice: { low: 0.7, high: 1.3 },
    apiCacheRead: { low: Math.max(0, h - 0.2), high: Math.min(1 - p.api.cacheWriteShare, h + 0.1) },
    selfCacheHit: { low: Math.max(0, hs - 0.2), high: Math.min(0.95, hs + 0.2) },
    utilisation: { low: Math.max(0.05, Math.min(u, u - 0.2)), high: Math.min(0.95, Math.max(u, u + 0.15)) },
    throughput: { low: 0.7, high: 1.3 },
    engineeringFte: { low: 0.5, high: 2 },
    salary: salary >= 150_000 && salary <= 250_000 ? { low: 150_000, high: 250_000 } : { low: salary * 0.75, high: salary * 1.25 },
    peak: { low: Math.max(1, peak / 2), high: Math.min(50, peak * 2) },
  };
}

/** difference(p, { [input]: value }): one input moved, the others at base. */
export function differenceWith(p: PairModel, input: KeyInput, value: number): number {
  return difference(p, { [input]: value });
}
