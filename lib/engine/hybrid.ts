// Hybrid (DESIGN.md, second edition, "Hybrid and routing"): n self-hosted replicas take the load
// hour by hour up to their capacity at the target utilisation; what is above goes to an API. The
// engine prices every n from 0 (all API) to the n that leaves no overflow (all self-hosted) on the
// workload's 24-hour profile and keeps the cheapest.
import type { ApiCostModel } from "./api-cost";
import { DAYS_PER_MONTH, SECONDS_PER_HOUR } from "./constants";
import { serverMonthlyCost, serversFor } from "./owned-cost";
import type { ConstraintFigures, RecommendationFigures } from "./figures";
import type { HybridResult, RoutingResult } from "./result-schema";
import type { ScenarioInput } from "./schema";
import { dailyProfile } from "./profile";
import { fixedMonthlyCost, gpuMonthlyCost, type SelfHostCostModel } from "./self-host-cost";

const MAX_REPLICAS_PRICED = 2000; // beyond this the curve is cut (and says so)

export type HybridPoint = { replicas: number; monthlyCost: number; selfShare: number };

export type HybridCosts = {
  /** Requests a month each hour of the day brings (the profile × volume). */
  requestsByHour: number[];
  /** Requests one replica serves in an hour at the target utilisation. */
  requestsPerReplicaHour: number;
  curve: HybridPoint[];
  best: HybridPoint;
  /** True when the curve stops before the replica count that leaves no overflow. */
  cut: boolean;
};

/** Replica-seconds of work one request needs at full throughput (loadPerRequest folds in the peak). */
function secondsPerRequest(m: SelfHostCostModel): number {
  const activeSeconds = DAYS_PER_MONTH * m.activeHoursPerDay * SECONDS_PER_HOUR;
  return (m.loadPerRequest * activeSeconds) / m.peakToAverage;
}

/** The self-hosted side with n serving replicas (plus the option's spares), or nothing at n = 0. */
function selfSideCost(m: SelfHostCostModel, requestsPerMonth: number, serving: number): number {
  if (serving === 0) return 0;
  const replicas = serving + m.failoverReplicas;
  const gpu = m.owned
    ? serversFor(m.owned, replicas, m.tensorParallel) * serverMonthlyCost(m.owned)
    : gpuMonthlyCost(m, requestsPerMonth, replicas);
  return gpu * (1 + m.overheadShare) + fixedMonthlyCost(m);
}

export function hybridCosts(m: SelfHostCostModel, api: ApiCostModel, profile: number[], requestsPerMonth: number): HybridCosts {
  const requestsByHour = profile.map((share) => share * requestsPerMonth);
  const perReplicaHour = (m.utilisation * SECONDS_PER_HOUR) / secondsPerRequest(m);
  // Each hour of the day recurs DAYS_PER_MONTH times a month: its requests a month over that many hours.
  const perHourOfDay = perReplicaHour * DAYS_PER_MONTH;
  const busiest = Math.max(...requestsByHour);
  const full = perHourOfDay > 0 ? Math.ceil(busiest / perHourOfDay) : 0;
  const top = Math.min(full, MAX_REPLICAS_PRICED);
  const curve: HybridPoint[] = [];
  for (let n = 0; n <= top; n++) {
    const capacity = n * perHourOfDay;
    const overflow = requestsByHour.reduce((sum, r) => sum + Math.max(0, r - capacity), 0);
    const apiCost = overflow > 0 ? overflow * api.perRequest + api.fixed : 0;
    const monthlyCost = selfSideCost(m, requestsPerMonth, n) + apiCost;
    curve.push({ replicas: n, monthlyCost, selfShare: requestsPerMonth > 0 ? 1 - overflow / requestsPerMonth : 0 });
  }
  const best = curve.reduce((a, b) => (b.monthlyCost < a.monthlyCost ? b : a));
  return { requestsByHour, requestsPerReplicaHour: perReplicaHour, curve, best, cut: top < full };
}

/** Each hybrid option priced on the profile, with the hard constraints its parts in use fail. */
export function evaluateHybrids(
  input: ScenarioInput,
  selfModels: Map<string, SelfHostCostModel>,
  apiModels: Map<string, ApiCostModel>,
  constraints: ConstraintFigures[],
): HybridResult[] {
  // The profile is built only when a hybrid option needs it: generating one solves for its shape.
  if (input.hybridOptions.length === 0) return [];
  const profile = dailyProfile(input.workload);
  const R = input.workload.requestsPerMonth;
  return input.hybridOptions.map((h) => {
    const base = { id: h.id, label: h.label, selfHostId: h.selfHostId, apiId: h.apiId };
    const self = selfModels.get(h.selfHostId);
    const api = apiModels.get(h.apiId);
    if (!self || !api)
      return { ...base, feasible: false as const, reason: "Its self-host option does not fit the GPU, so no replicas can take load." };
    const c = hybridCosts(self, api, profile, R);
    const last = c.curve[c.curve.length - 1];
    const inUse = [...(c.best.replicas > 0 ? [h.selfHostId] : []), ...(c.best.selfShare < 1 ? [h.apiId] : [])];
    return {
      ...base,
      feasible: true as const,
      replicas: c.best.replicas,
      monthlyCost: c.best.monthlyCost,
      selfShare: c.best.selfShare,
      allApiMonthlyCost: c.curve[0].monthlyCost,
      allSelfHostMonthlyCost: last.monthlyCost,
      requestsPerReplicaHour: c.requestsPerReplicaHour,
      curve: { replicas: c.curve.map((p) => p.replicas), monthlyCost: c.curve.map((p) => p.monthlyCost) },
      curveCut: c.cut,
      profile,
      removedBy: constraints.filter((k) => k.removed.some((id) => inUse.includes(id))).map((k) => k.label),
    };
  });
}

/** A hybrid or routing option that really mixes the two sides: replicas is null for a routing option. */
export type Mix = { id: string; label: string; monthlyCost: number; replicas: number | null; selfShare: number };

/** Hybrid and routing options the hard constraints allow that really mix the two sides. */
function mixes(hybrids: HybridResult[], routings: RoutingResult[]): Mix[] {
  const hybrid = hybrids.flatMap((h) =>
    h.feasible && h.removedBy.length === 0 && h.replicas > 0 && h.selfShare < 1
      ? [{ id: h.id, label: h.label, monthlyCost: h.monthlyCost, replicas: h.replicas, selfShare: h.selfShare }]
      : [],
  );
  const routing = routings.flatMap((r) =>
    r.feasible && r.removedBy.length === 0 && r.selfShare > 0 && r.selfShare < 1
      ? [{ id: r.id, label: r.label, monthlyCost: r.monthlyCost, replicas: null, selfShare: r.selfShare }]
      : [],
  );
  return [...hybrid, ...routing];
}

/** A hybrid or routing option the recommendation can name, by id. */
export function mixById(hybrids: HybridResult[], routings: RoutingResult[], id: string): Mix | undefined {
  return mixes(hybrids, routings).find((m) => m.id === id);
}

/**
 * The recommendation with hybrid and routing options in the running: the cheapest allowed mix
 * replaces the pick when it costs less, except that an API pick within the close-call margin
 * stays (the API keeps the flexibility), with a warning naming the mix.
 */
export function recommendMix(
  r: Omit<RecommendationFigures, "replaced" | "mixKeptOut">,
  hybrids: HybridResult[],
  routings: RoutingResult[],
  margin: number,
): RecommendationFigures {
  const best = mixes(hybrids, routings).reduce<Mix | null>((a, b) => (a === null || b.monthlyCost < a.monthlyCost ? b : a), null);
  if (!best || r.monthlyCost === null || best.monthlyCost >= r.monthlyCost) return { ...r, mixKeptOut: null, replaced: null };
  const single = { label: r.label, monthlyCost: r.monthlyCost };
  if (r.outcome === "api" && (r.monthlyCost - best.monthlyCost) / r.monthlyCost <= margin)
    return { ...r, mixKeptOut: best.id, replaced: null };
  return {
    ...r,
    outcome: "hybrid",
    optionId: best.id,
    label: best.label,
    monthlyCost: best.monthlyCost,
    mixKeptOut: null,
    replaced: single,
  };
}
