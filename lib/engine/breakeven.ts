// Breakeven: the smallest monthly volume (whole requests) at which a self-host option costs no
// more than the API option. Self-host cost is a step function of replicas, so the search walks
// replica counts (exactly, no sampling): within the volume range served by n replicas the
// self-host cost is constant and the API cost rises linearly, so each range has a closed form.
import { BREAKEVEN_MAX_TOKENS_PER_MONTH, DAYS_PER_MONTH, HOURS_PER_MONTH, TOKENS_PER_MILLION } from "./constants";
import { gpuHoursFor, gpuMonthlyCost, rentedGpus, replicasFor, selfHostMonthlyCost, type SelfHostCostModel } from "./self-host-cost";

export type Basis = "fully-loaded" | "gpu-only";

export type Breakeven =
  | { reached: true; basis: Basis; requestsPerMonth: number; tokensPerMonth: number; selfHostMonthly: number; apiMonthly: number; replicas: number }
  | { reached: false; basis: Basis; reason: string };

export type LinearApi = { perRequest: number; fixed: number };

const MAX_SCAN = 2_000_000;
const MAX_REFINE_STEPS = 1000;

export function costsAt(self: SelfHostCostModel, api: LinearApi, basis: Basis, requests: number) {
  const replicas = replicasFor(self, requests);
  return { selfCost: selfCostAt(self, basis, requests, replicas), apiCost: apiCostAt(api, basis, requests), replicas };
}

// The two sides as plain numbers: the search compares them thousands of times and must not
// allocate (an object per probe was the largest source of garbage in an evaluation).
function selfCostAt(self: SelfHostCostModel, basis: Basis, requests: number, replicas: number): number {
  return basis === "gpu-only" ? gpuMonthlyCost(self, requests, replicas) : selfHostMonthlyCost(self, requests, replicas);
}

function apiCostAt(api: LinearApi, basis: Basis, requests: number): number {
  return api.perRequest * requests + (basis === "gpu-only" ? 0 : api.fixed);
}

/** True when self-hosting costs no more than the API at this volume. */
function selfWins(self: SelfHostCostModel, api: LinearApi, basis: Basis, requests: number): boolean {
  return selfCostAt(self, basis, requests, replicasFor(self, requests)) <= apiCostAt(api, basis, requests);
}

// Written without closures: it runs for every tensor-parallel degree on both bases in every
// evaluation, and a closure per helper per call was a large share of an evaluation's garbage.
export function findBreakeven(self: SelfHostCostModel, api: LinearApi, tokensPerRequest: number, basis: Basis): Breakeven {
  const maxRequests = Math.floor(BREAKEVEN_MAX_TOKENS_PER_MONTH / Math.max(1, tokensPerRequest));
  const apiFixed = basis === "gpu-only" ? 0 : api.fixed;
  const c = api.perRequest;

  const n0 = replicasFor(self, 0);
  const s0 = selfCostAt(self, basis, 0, n0);
  if (s0 <= apiFixed) return reachedAt(self, api, basis, tokensPerRequest, 0);
  if (c <= 0) return notReached(basis, "The API option costs nothing per request, so volume never makes self-hosting cheaper.");

  if (self.billingMode === "scale-to-zero") {
    // Linear in volume: S(R) = s·R + S0.
    const s = (selfCostAt(self, basis, maxRequests, replicasFor(self, maxRequests)) - s0) / maxRequests;
    if (s >= c) return notReached(basis, marginalText(self, s, c, tokensPerRequest));
    return refine(self, api, basis, tokensPerRequest, maxRequests, Math.ceil((s0 - apiFixed) / (c - s)));
  }

  const u = self.utilisation;
  const k = self.loadPerRequest;
  const f = self.failoverReplicas;

  // D(n) = S(n) − API(top(n)) has a lower bound that is linear in n: rent exactly n·t GPUs (no
  // rounding up to rental units) and let the API price the unrounded top of the range.
  // Ranges where that bound is positive cannot hold the breakeven, so the walk starts at its root.
  const hoursPerGpu = self.billingMode === "always-on" ? HOURS_PER_MONTH : self.activeHoursPerDay * DAYS_PER_MONTH;
  const gpuPrice = self.pricePerGpuHour * (basis === "gpu-only" ? 1 : 1 + self.overheadShare);
  const top0 = top(self, n0, maxRequests);
  const fixedSelf = selfCostAt(self, basis, top0, n0) - gpuPrice * gpuHoursFor(self, top0, n0);
  const baseGpus = self.billingMode === "always-on" ? 0 : rentedGpus(self, self.minReplicas);
  const baseCost = baseGpus * (HOURS_PER_MONTH - hoursPerGpu) * gpuPrice;
  const slope = self.tensorParallel * hoursPerGpu * gpuPrice - (c * u) / k;
  const boundAtZero = fixedSelf + baseCost + (c * f * u) / k - apiFixed; // lowerBound(n) = boundAtZero + slope·n
  const marginalPerRequest = (self.tensorParallel * hoursPerGpu * gpuPrice * k) / u;
  if (slope >= 0 && boundAtZero + slope * n0 > 0) return notReached(basis, marginalText(self, marginalPerRequest, c, tokensPerRequest));
  const start = slope < 0 ? Math.max(n0, Math.floor(-boundAtZero / slope)) : n0;

  for (let n = start, steps = 0; steps < MAX_SCAN; n++, steps++) {
    const lo = n === n0 ? 0 : top(self, n - 1, maxRequests) + 1;
    const hi = top(self, n, maxRequests);
    if (lo > maxRequests) return notReached(basis, limitText(maxRequests));
    if (hi < lo) continue;
    const sn = selfCostAt(self, basis, hi, n);
    if (c * hi + apiFixed >= sn) return refine(self, api, basis, tokensPerRequest, maxRequests, Math.max(lo, Math.ceil((sn - apiFixed) / c)));
    if (slope >= 0 && boundAtZero + slope * (n + 1) > 0) return notReached(basis, marginalText(self, marginalPerRequest, c, tokensPerRequest));
  }
  return notReached(basis, limitText(maxRequests));
}

/** The largest monthly volume n replicas serve. */
function top(self: SelfHostCostModel, n: number, maxRequests: number): number {
  return Math.min(maxRequests, Math.floor(((n - self.failoverReplicas) * self.utilisation) / self.loadPerRequest));
}

// Floating-point guard: step to the exact smallest whole request count that satisfies S ≤ API.
function refine(self: SelfHostCostModel, api: LinearApi, basis: Basis, tokensPerRequest: number, maxRequests: number, guess: number): Breakeven {
  let r = Math.max(0, guess);
  if (r > maxRequests) return notReached(basis, limitText(maxRequests));
  // The closed form lands within a rounding error; a long walk means the search is wrong.
  let steps = 0;
  while (r <= maxRequests && !selfWins(self, api, basis, r)) {
    if (++steps > MAX_REFINE_STEPS) throw new Error("breakeven refinement did not converge");
    r++;
  }
  while (r > 0 && selfWins(self, api, basis, r - 1)) {
    if (++steps > MAX_REFINE_STEPS) throw new Error("breakeven refinement did not converge");
    r--;
  }
  return r > maxRequests ? notReached(basis, limitText(maxRequests)) : reachedAt(self, api, basis, tokensPerRequest, r);
}

function reachedAt(self: SelfHostCostModel, api: LinearApi, basis: Basis, tokensPerRequest: number, r: number): Breakeven {
  const c = costsAt(self, api, basis, r);
  return { reached: true, basis, requestsPerMonth: r, tokensPerMonth: r * tokensPerRequest, selfHostMonthly: c.selfCost, apiMonthly: c.apiCost, replicas: c.replicas };
}

function notReached(basis: Basis, reason: string): Breakeven {
  return { reached: false, basis, reason };
}

function marginalText(self: SelfHostCostModel, selfPerRequest: number, apiPerRequest: number, tokensPerRequest: number): string {
  return `Self-hosting's marginal cost (${perMillion(selfPerRequest, tokensPerRequest)} per 1M tokens at ${Math.round(self.utilisation * 100)}% utilisation) is not below the API's (${perMillion(apiPerRequest, tokensPerRequest)} per 1M tokens): it never catches up.`;
}

function limitText(maxRequests: number): string {
  return `Not reached up to 10^13 tokens/month (${maxRequests.toExponential(2)} requests).`;
}

function perMillion(perRequest: number, tokensPerRequest: number): string {
  return `$${((perRequest / Math.max(1, tokensPerRequest)) * TOKENS_PER_MILLION).toFixed(3)}`;
}
