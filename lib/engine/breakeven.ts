// Breakeven: the smallest monthly volume from which a self-host option costs no more than the API
// at every volume above it (up to 10^13 tokens a month). A tie at zero volume followed by a loss is
// not a breakeven: the answer is one past the largest volume at which self-hosting costs more.
// Self-host cost is a step function of replicas (always-on, active window) and the API is a line,
// so the search walks replica ranges from the top down, exactly; scale-to-zero is smooth and is
// solved on its linear part in closed form and on its warm-up part by bisection.
import { BREAKEVEN_MAX_TOKENS_PER_MONTH, DAYS_PER_MONTH, HOURS_PER_MONTH, TOKENS_PER_MILLION } from "./constants";
import { replicasOnServers, serverMonthlyCost, type OwnedCostModel } from "./owned-cost";
import {
  ownedServers,
  gpuHoursFor,
  gpuMonthlyCost,
  gpusPerReplica,
  rentedGpus,
  replicasFor,
  selfHostMonthlyCost,
  type SelfHostCostModel,
} from "./self-host-cost";

export type Basis = "fully-loaded" | "gpu-only";

export type Breakeven =
  | {
      reached: true;
      basis: Basis;
      requestsPerMonth: number;
      tokensPerMonth: number;
      selfHostMonthly: number;
      apiMonthly: number;
      replicas: number;
      everyVolume: boolean;
    }
  | ({ reached: false; basis: Basis } & NotReached);

/** Why no breakeven exists below 10^13 tokens a month, with the figures that show it (worded by describe.ts). */
export type NotReached =
  | { why: "free-api" }
  | { why: "marginal"; selfPerMillionTokens: number; apiPerMillionTokens: number; utilisation: number }
  | { why: "limit"; maxRequests: number };

export type LinearApi = { perRequest: number; fixed: number };

const MAX_SCAN = 2_000_000;
const MAX_FIX_STEPS = 1000;
const SCALE_TO_ZERO_GRID = 256; // log-spaced volumes over the warm-up part, then bisection

function selfCostAt(self: SelfHostCostModel, basis: Basis, requests: number, replicas = replicasFor(self, requests)): number {
  return basis === "gpu-only" ? gpuMonthlyCost(self, requests, replicas) : selfHostMonthlyCost(self, requests, replicas);
}

function apiCostAt(api: LinearApi, basis: Basis, requests: number): number {
  return api.perRequest * requests + (basis === "gpu-only" ? 0 : api.fixed);
}

export function costsAt(self: SelfHostCostModel, api: LinearApi, basis: Basis, requests: number) {
  const replicas = replicasFor(self, requests);
  return { selfCost: selfCostAt(self, basis, requests, replicas), apiCost: apiCostAt(api, basis, requests), replicas };
}

/** True when self-hosting costs more than the API at this volume. */
function loses(self: SelfHostCostModel, api: LinearApi, basis: Basis, requests: number): boolean {
  return selfCostAt(self, basis, requests) > apiCostAt(api, basis, requests);
}

/** GPU price per GPU-hour on this basis: overhead that scales with GPU cost is part of it when fully loaded. */
function gpuPrice(self: SelfHostCostModel, basis: Basis): number {
  return self.pricePerGpuHour * (basis === "gpu-only" ? 1 : 1 + self.overheadShare);
}

/** What one more request costs a self-host option once volume is large (per request, US$). */
export function marginalPerRequest(self: SelfHostCostModel, basis: Basis): number {
  if (self.owned) return serverCost(self, self.owned, basis) / requestsPerServer(self, self.owned);
  const activeHours = self.activeHoursPerDay * DAYS_PER_MONTH;
  if (self.billingMode === "scale-to-zero")
    return (gpusPerReplica(self) * activeHours * gpuPrice(self, basis) * self.loadPerRequest) / self.peakToAverage / self.utilisation;
  const hoursPerGpu = self.billingMode === "always-on" ? HOURS_PER_MONTH : activeHours;
  return (self.tensorParallel * hoursPerGpu * gpuPrice(self, basis) * self.loadPerRequest) / self.utilisation;
}

export function findBreakeven(self: SelfHostCostModel, api: LinearApi, tokensPerRequest: number, basis: Basis): Breakeven {
  const maxRequests = Math.floor(BREAKEVEN_MAX_TOKENS_PER_MONTH / Math.max(1, tokensPerRequest));
  const last = self.owned
    ? lastLossOwned(self, self.owned, api, basis, maxRequests)
    : self.billingMode === "scale-to-zero"
      ? lastLossSmooth(self, api, basis, maxRequests)
      : lastLossStepped(self, api, basis, maxRequests);
  if (last === null || last >= maxRequests) {
    const marginal = marginalPerRequest(self, basis);
    if (api.perRequest <= 0) return { reached: false, basis, why: "free-api" };
    const perMillion = (perRequest: number) => (perRequest / Math.max(1, tokensPerRequest)) * TOKENS_PER_MILLION;
    if (marginal >= api.perRequest)
      return {
        reached: false,
        basis,
        why: "marginal",
        selfPerMillionTokens: perMillion(marginal),
        apiPerMillionTokens: perMillion(api.perRequest),
        utilisation: self.utilisation,
      };
    return { reached: false, basis, why: "limit", maxRequests };
  }
  const r = last + 1;
  const c = costsAt(self, api, basis, r);
  return {
    reached: true,
    basis,
    requestsPerMonth: r,
    tokensPerMonth: r * tokensPerRequest,
    selfHostMonthly: c.selfCost,
    apiMonthly: c.apiCost,
    replicas: c.replicas,
    everyVolume: last < 0,
  };
}

/** Moves a candidate onto the exact last losing whole request (floating-point guard, a few steps at most). */
function settle(self: SelfHostCostModel, api: LinearApi, basis: Basis, maxRequests: number, candidate: number): number {
  let r = Math.min(maxRequests, Math.max(-1, candidate));
  for (let steps = 0; r < maxRequests && loses(self, api, basis, r + 1) && steps < MAX_FIX_STEPS; steps++) r++;
  for (let steps = 0; r >= 0 && !loses(self, api, basis, r) && steps < MAX_FIX_STEPS; steps++) r--;
  return r;
}

/**
 * Always-on and active window. With n replicas the self-host cost S_n is constant over the range
 * of volumes they serve while the API rises, so a range holds a loss only if S_n exceeds the API
 * at the range's start. S_n is at most linear in n (whole rental units add less than one unit),
 * the API at a range's start at least linear: above the root of the difference no range can
 * hold a loss, so the walk goes down from there and stops at the first range that does.
 */
function lastLossStepped(self: SelfHostCostModel, api: LinearApi, basis: Basis, maxRequests: number): number | null {
  const c = api.perRequest;
  const F = basis === "gpu-only" ? 0 : api.fixed;
  const n0 = replicasFor(self, 0);
  const nMax = replicasFor(self, maxRequests);
  if (loses(self, api, basis, maxRequests)) return maxRequests;

  const activeHours = self.activeHoursPerDay * DAYS_PER_MONTH;
  const hoursPerGpu = self.billingMode === "always-on" ? HOURS_PER_MONTH : activeHours;
  const price = gpuPrice(self, basis);
  const fixedSelf = selfCostAt(self, basis, 0, n0) - price * gpuHoursFor(self, 0, n0);
  const baseGpus = self.billingMode === "always-on" ? 0 : rentedGpus(self, self.minReplicas);
  const selfPerReplica = self.tensorParallel * hoursPerGpu * price;
  const apiPerReplica = (c * self.utilisation) / self.loadPerRequest;
  // upper(n) − lower(n) = slope·n + intercept, with upper ≥ S_n and lower ≤ API at the range start.
  const slope = selfPerReplica - apiPerReplica;
  const intercept =
    price * ((self.rentUnit - 1) * hoursPerGpu + baseGpus * (HOURS_PER_MONTH - hoursPerGpu)) +
    fixedSelf +
    apiPerReplica * (1 + self.failoverReplicas) -
    F;
  let start = nMax;
  if (slope < 0) start = Math.min(nMax, Math.max(n0, Math.ceil(intercept / -slope)));

  for (let n = start, steps = 0; n >= n0; n--, steps++) {
    if (steps > MAX_SCAN) return null;
    const lo = n === n0 ? 0 : top(self, n - 1, maxRequests) + 1;
    const hi = top(self, n, maxRequests);
    if (hi < lo) continue;
    const sn = selfCostAt(self, basis, hi, n);
    if (sn > c * lo + F) {
      const guess = c > 0 ? Math.min(hi, Math.ceil((sn - F) / c) - 1) : hi;
      return settle(self, api, basis, maxRequests, guess);
    }
  }
  return -1;
}

/** What one owned server costs a month on this basis. */
function serverCost(self: SelfHostCostModel, o: OwnedCostModel, basis: Basis): number {
  return serverMonthlyCost(o) * (basis === "gpu-only" ? 1 : 1 + self.overheadShare);
}

/** Monthly requests one owned server's replicas serve, ignoring whole-replica rounding. */
function requestsPerServer(self: SelfHostCostModel, o: OwnedCostModel): number {
  return ((o.gpusPerServer / self.tensorParallel) * self.utilisation) / (o.growthToPeak * self.loadPerRequest);
}

/**
 * Owned servers: the cost is constant over the volumes k servers serve (bought for the horizon's
 * peak) and rises by one server's cost per server, so the walk is the replica walk's over
 * servers. Above the root of (k·server − API at the start of k's range) no range holds a loss.
 */
function lastLossOwned(self: SelfHostCostModel, o: OwnedCostModel, api: LinearApi, basis: Basis, maxRequests: number): number | null {
  if (loses(self, api, basis, maxRequests)) return maxRequests;
  const c = api.perRequest;
  const F = basis === "gpu-only" ? 0 : api.fixed;
  const k0 = ownedServers(self, o, 0);
  const kMax = ownedServers(self, o, maxRequests);
  // The largest volume k servers serve (−1 when they cannot hold the minimum replicas).
  const top = (k: number) => {
    const n = replicasOnServers(o, k, self.tensorParallel);
    if (k < (o.fixedServers ?? 0) || n < Math.max(self.minReplicas, self.failoverReplicas)) return -1;
    return Math.min(maxRequests, Math.floor(((n - self.failoverReplicas) * self.utilisation) / (o.growthToPeak * self.loadPerRequest)));
  };
  const perServer = serverCost(self, o, basis);
  const fixedSelf = selfCostAt(self, basis, 0) - k0 * perServer;
  const perRequestServer = requestsPerServer(self, o);
  // k·server + fixed − c·(lower bound of k's range start) − F = slope·k + intercept.
  const slope = perServer - c * perRequestServer;
  const intercept =
    fixedSelf -
    F +
    c *
      ((1 + self.failoverReplicas + o.gpusPerServer / self.tensorParallel) * perRequestServer * (self.tensorParallel / o.gpusPerServer) +
        1);
  let start = kMax;
  if (slope < 0) start = Math.min(kMax, Math.max(k0, Math.ceil(intercept / -slope)));
  for (let k = start, steps = 0; k >= k0; k--, steps++) {
    if (steps > MAX_SCAN) return null;
    const lo = k === k0 ? 0 : top(k - 1) + 1;
    const hi = top(k);
    if (hi < lo) continue;
    const sk = selfCostAt(self, basis, hi);
    if (sk > c * lo + F) {
      const guess = c > 0 ? Math.min(hi, Math.ceil((sk - F) / c) - 1) : hi;
      return settle(self, api, basis, maxRequests, guess);
    }
  }
  return -1;
}

/** The largest monthly volume n replicas serve. */
function top(self: SelfHostCostModel, n: number, maxRequests: number): number {
  return Math.min(maxRequests, Math.floor(((n - self.failoverReplicas) * self.utilisation) / self.loadPerRequest));
}

/**
 * Scale-to-zero. Once the average load needs a replica or more (R ≥ R1) the cost is linear in
 * volume and the last loss has a closed form. Below R1 the warm share rises smoothly: log-spaced
 * volumes find the last losing interval and bisection finds the whole request.
 */
function lastLossSmooth(self: SelfHostCostModel, api: LinearApi, basis: Basis, maxRequests: number): number | null {
  if (loses(self, api, basis, maxRequests)) return maxRequests;
  const r1 = Math.min(maxRequests, Math.ceil((self.peakToAverage * self.utilisation) / self.loadPerRequest));
  if (loses(self, api, basis, r1)) {
    const d1 = selfCostAt(self, basis, r1) - apiCostAt(api, basis, r1);
    const d2 = selfCostAt(self, basis, maxRequests) - apiCostAt(api, basis, maxRequests);
    const root = r1 + (d1 * (maxRequests - r1)) / (d1 - d2);
    return settle(self, api, basis, maxRequests, Math.floor(root));
  }
  const grid = [0];
  for (let i = 0; i < SCALE_TO_ZERO_GRID; i++) grid.push(Math.round(Math.pow(Math.max(1, r1), i / (SCALE_TO_ZERO_GRID - 1))));
  let lo = -1;
  for (let i = grid.length - 1; i >= 0; i--) {
    if (loses(self, api, basis, grid[i])) {
      lo = grid[i];
      break;
    }
  }
  if (lo < 0) return -1;
  let hi = grid.find((v) => v > lo) ?? r1; // does not lose
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (loses(self, api, basis, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
