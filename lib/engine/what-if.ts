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

/**
 * One value for every key input: multipliers for volume, prices, throughput and FTE (1 = today);
 * absolute values for shares, salary and peak. Always complete, so every what-if has one shape.
 */
export type WhatIf = Record<KeyInput, number>;

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

/** Today's value of every key input. */
export function baseWhatIf(p: PairModel): WhatIf {
  return {
    volume: 1,
    gpuPrice: 1,
    tokenPrice: 1,
    apiCacheRead: p.api.cacheReadShare,
    selfCacheHit: p.self.load.prefixCacheHitRate,
    utilisation: p.self.cost.utilisation,
    throughput: 1,
    engineeringFte: 1,
    salary: p.engineerAnnualCost,
    peak: p.self.load.peakToAverage,
  };
}

export function baseValue(p: PairModel, input: KeyInput): number {
  return baseWhatIf(p)[input];
}

export function apiCostWhatIf(p: PairModel, x: WhatIf): number {
  const a = p.api;
  const h = Math.min(x.apiCacheRead, 1 - a.cacheWriteShare);
  // Token cost is linear in the prices, so the token-price multiplier scales the result.
  const perRequest =
    apiTokenCostPerRequest(a.inputTokens, a.outputTokens, h, a.cacheWriteShare, a.prices) *
    x.tokenPrice *
    (1 - a.batchShare * a.prices.batchDiscount);
  return perRequest * p.requestsPerMonth * x.volume + (a.integrationFte * x.salary) / MONTHS_PER_YEAR;
}

/** The self-host cost model under a what-if. */
export function whatIfSelfModel(p: PairModel, x: WhatIf): SelfHostCostModel {
  const base = p.self.cost;
  // Written out field by field, not spread from the base: a spread of this size is copied on
  // V8's slow path, and this runs for every tornado bar, trigger probe and sample (0003).
  return {
    tensorParallel: base.tensorParallel,
    rentUnit: base.rentUnit,
    failoverReplicas: base.failoverReplicas,
    minReplicas: base.minReplicas,
    utilisation: x.utilisation,
    billingMode: base.billingMode,
    idleTimeoutSeconds: base.idleTimeoutSeconds,
    coldStartSeconds: base.coldStartSeconds,
    activeHoursPerDay: base.activeHoursPerDay,
    peakToAverage: x.peak,
    pricePerGpuHour: base.pricePerGpuHour * x.gpuPrice,
    committedGpus: base.committedGpus,
    committedPricePerGpuHour: base.committedPricePerGpuHour * x.gpuPrice,
    overheadShare: base.overheadShare,
    overheadFixed: base.overheadFixed,
    // Owned servers: the GPU-price input moves the servers' price and installation.
    owned: base.owned && x.gpuPrice !== 1 ? { ...base.owned, capitalPerServer: base.owned.capitalPerServer * x.gpuPrice } : base.owned,
    engineeringFte: base.engineeringFte * x.engineeringFte,
    operationsFte: base.operationsFte,
    setupEngineerWeeks: base.setupEngineerWeeks,
    horizonMonths: base.horizonMonths,
    switchesPerYear: base.switchesPerYear,
    weeksPerSwitch: base.weeksPerSwitch,
    engineerAnnualCost: x.salary,
    loadPerRequest: loadPerRequestOf(p.self.load, x.selfCacheHit, x.peak, x.throughput),
  };
}

export function selfCostWhatIf(p: PairModel, x: WhatIf): number {
  return selfHostMonthlyCost(whatIfSelfModel(p, x), p.requestsPerMonth * x.volume);
}

/** Self-host − API, US$ per month; negative means self-hosting is cheaper. */
export function difference(p: PairModel, x: WhatIf = baseWhatIf(p)): number {
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

/** The difference with one input moved and the others at today's values. */
export function differenceWith(p: PairModel, input: KeyInput, value: number): number {
  return difference(p, whatIfWith(p, input, value));
}

/** Today's what-if with one input moved. */
export function whatIfWith(p: PairModel, input: KeyInput, value: number): WhatIf {
  const x = baseWhatIf(p);
  x[input] = value;
  return x;
}
