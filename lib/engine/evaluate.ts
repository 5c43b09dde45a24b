// evaluateScenario: the one entry point. Validated input in, plain data out (EvaluationSchema).
import { apiCostLines, apiCostModel, apiMonthlyCost, type ApiCostModel } from "./api-cost";
import { findBreakeven, type Basis, type Breakeven, type LinearApi } from "./breakeven";
import { checkConstraint, type CheckedOption, type ConstraintCheck } from "./constraints";
import { BYTES_PER_GB, DAYS_PER_MONTH, MONTHS_PER_YEAR, REQUESTS_PER_THOUSAND, SECONDS_PER_HOUR, TOKENS_PER_MILLION } from "./constants";
import { total } from "./cost-line";
import { monteCarlo } from "./monte-carlo";
import { project } from "./projection";
import { recommend } from "./recommendation";
import type { ApiOptionResult, Evaluation, OptionResult, SelfHostOptionResult } from "./result-schema";
import { ScenarioInputSchema, type ScenarioInput, type SelfHostOption } from "./schema";
import {
  gpuHoursFor,
  fixedMonthlyCost,
  gpuMonthlyCost,
  loadInputs,
  rentedGpus,
  replicasFor,
  selfHostCostLines,
  selfHostCostModel,
  selfHostMonthlyCost,
  type SelfHostCostModel,
} from "./self-host-cost";
import { replicaCandidates, type ReplicaCapacity } from "./self-host-sizing";
import { tornado } from "./sensitivity";
import { formatCount, formatMoney } from "./text";
import { revisitTriggers, type Trigger } from "./triggers";
import type { PairModel } from "./what-if";

export const ENGINE_VERSION = "1.0.0";
const COST_CURVE_POINTS = 25; // log-spaced over at least two decades: about ten a decade draws a smooth line

export class EngineInputError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid scenario: ${issues.map((i) => `${i.path || "(input)"}: ${i.message}`).join("; ")}`);
    this.name = "EngineInputError";
  }
}

export function parseScenario(raw: unknown): ScenarioInput {
  const parsed = ScenarioInputSchema.safeParse(raw);
  if (!parsed.success) throw new EngineInputError(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  return parsed.data;
}

export type EvaluateOptions = { monteCarloSamples?: number };

type Candidate = { capacity: Extract<ReplicaCapacity, { fits: true }>; model: SelfHostCostModel };
type SelfState = Candidate & { option: SelfHostOption; candidates: Candidate[] };

export function evaluateScenario(raw: unknown, opts: EvaluateOptions = {}): Evaluation {
  return evaluateParsed(parseScenario(raw), opts);
}

/** evaluateScenario for input that has already been through parseScenario. */
export function evaluateParsed(input: ScenarioInput, opts: EvaluateOptions = {}): Evaluation {
  const w = input.workload;
  const salary = input.people.engineerAnnualCost;
  const R = w.requestsPerMonth;
  const tokensPerRequest = w.inputTokensPerRequest + w.outputTokensPerRequest;
  const monthlyTokens = R * tokensPerRequest;
  const unit = (monthly: number) => ({
    monthlyCost: monthly,
    annualCost: monthly * MONTHS_PER_YEAR,
    perMillionTokens: monthlyTokens > 0 ? monthly / (monthlyTokens / TOKENS_PER_MILLION) : null,
    perThousandRequests: R > 0 ? (monthly / R) * REQUESTS_PER_THOUSAND : null,
  });

  // Options, each priced line by line.
  const apiModels = new Map<string, ApiCostModel>();
  const apiResults: ApiOptionResult[] = input.apiOptions.map((option) => {
    const model = apiCostModel(option, w, salary);
    apiModels.set(option.id, model);
    const { lines, flags } = apiCostLines(option, w, salary, model.prices);
    return { kind: "api", id: option.id, label: option.label, feasible: true, lines, ...unit(total(lines)), priceTier: model.prices.tier, flags };
  });

  const selfStates = new Map<string, SelfState>();
  const checked: CheckedOption[] = input.apiOptions.map((option) => ({ kind: "api", option }));
  const selfResults: SelfHostOptionResult[] = input.selfHostOptions.map((option) => {
    const sized = replicaCandidates(option, w, input.settings.sloOutputTokensPerSecond);
    if (!sized.fits) {
      checked.push({ kind: "self-host", option, ttftMs: null, perStreamTokensPerS: null });
      return { kind: "self-host", id: option.id, label: option.label, feasible: false, reason: sized.reason };
    }
    const { capacity, model, candidates } = cheapestDegree(option, sized.candidates, w, salary, R);
    selfStates.set(option.id, { option, capacity, model, candidates });
    checked.push({ kind: "self-host", option, ttftMs: capacity.ttftMs, perStreamTokensPerS: capacity.perStreamTokensPerS });
    const lines = selfHostCostLines(model, option, R);
    return {
      kind: "self-host",
      id: option.id,
      label: option.label,
      feasible: true,
      lines,
      ...unit(total(lines)),
      gpuOnlyMonthlyCost: gpuMonthlyCost(model, R),
      sizing: sizing(model, capacity, R, w.outputTokensPerRequest),
    };
  });
  const options: OptionResult[] = [...apiResults, ...selfResults];

  // Constraints and the recommendation.
  const checks: ConstraintCheck[] = input.constraints.flatMap((c) => checked.map((o) => checkConstraint(c, o)));
  const { recommendation, constraintResults } = recommend(options, input.constraints, checks, input.settings.closeCallMargin);

  // Breakeven of every self-host option against the cheapest API option.
  const bestApi = recommendation.economic.cheapestApiId;
  const bestSelf = recommendation.economic.cheapestSelfHostId;
  const breakeven = bestApi
    ? [...selfStates.values()].map(({ option, model, candidates }) => {
        const api = apiModels.get(bestApi)!;
        return {
          selfHostId: option.id,
          apiId: bestApi,
          fullyLoaded: earliestBreakeven(candidates, model, api, tokensPerRequest, "fully-loaded"),
          gpuOnly: earliestBreakeven(candidates, model, { perRequest: api.perRequest, fixed: 0 }, tokensPerRequest, "gpu-only"),
        };
      })
    : [];

  // Cost against volume, and the projection over the horizon.
  // One function of (option, volumes) rather than a closure per option kept in an object keyed by
  // option id: functions stored that way kept every evaluation's data alive through the next
  // minor garbage collection (measured: 1.5 MB copied per scavenge, a third of the run time).
  const priced = [...apiModels.keys(), ...selfStates.keys()];
  const costsAt = (id: string, volumes: number[]): number[] => {
    const api = apiModels.get(id);
    if (api) return volumes.map((r) => apiMonthlyCost(api, r));
    // At other volumes a team would deploy the cheapest tensor-parallel degree for that volume.
    return cheapestAt(selfStates.get(id)!.candidates, volumes);
  };
  const curve = curveVolumes(R, breakeven);
  const costCurve = { requestsPerMonth: curve, costs: {} as Record<string, number[]> };
  for (const id of priced) costCurve.costs[id] = costsAt(id, curve);
  const projection = project(R, w.monthlyGrowth, w.horizonMonths, priced, costsAt, bestApi && bestSelf ? { selfId: bestSelf, apiId: bestApi } : null);

  // Sensitivity, uncertainty and revisit triggers of the best self-host vs the best API option.
  let comparison: Evaluation["comparison"] = null;
  let bars: Evaluation["tornado"] = [];
  let uncertainty: Evaluation["uncertainty"] = null;
  let triggers: Trigger[] = [];
  if (bestApi && bestSelf) {
    const s = selfStates.get(bestSelf)!;
    const a = input.apiOptions.find((o) => o.id === bestApi)!;
    const pair: PairModel = {
      requestsPerMonth: R,
      api: {
        prices: apiModels.get(bestApi)!.prices,
        inputTokens: w.inputTokensPerRequest,
        outputTokens: w.outputTokensPerRequest,
        cacheReadShare: w.apiCacheReadShare,
        cacheWriteShare: w.apiCacheWriteShare,
        batchShare: w.batchShare,
        integrationFte: a.integrationFte,
      },
      self: { cost: s.model, load: loadInputs(s.capacity, w) },
      engineerAnnualCost: salary,
    };
    const t = tornado(pair);
    comparison = { selfHostId: bestSelf, apiId: bestApi, baseDifference: t.baseDifference };
    bars = t.bars;
    uncertainty = monteCarlo(pair, opts.monteCarloSamples ?? input.settings.monteCarloSamples, input.settings.seed);
    triggers = [...volumeTriggers(breakeven.find((b) => b.selfHostId === bestSelf)!, R, t.baseDifference < 0), ...revisitTriggers(pair)];
  }

  const reason = explain(input, options, recommendation, breakeven, bestApi, bestSelf);
  return {
    engineVersion: ENGINE_VERSION,
    scenarioName: input.name,
    workload: { requestsPerMonth: R, inputTokensPerMonth: R * w.inputTokensPerRequest, outputTokensPerMonth: R * w.outputTokensPerRequest, tokensPerRequest },
    options,
    breakeven,
    costCurve,
    projection,
    comparison,
    tornado: bars,
    uncertainty,
    triggers,
    constraints: constraintResults,
    recommendation: Object.assign(recommendation, { reason }), // not a spread copy: see earliestBreakeven
  };
}

// Degrees of one option differ only in GPU time: overhead share, fixed overhead and people costs
// are the same for all of them, so the minimum is taken on GPU cost and the rest added once.
function cheapestAt(candidates: Candidate[], volumes: number[]): number[] {
  const out = new Array<number>(volumes.length).fill(Number.POSITIVE_INFINITY);
  for (const c of candidates) {
    for (let i = 0; i < volumes.length; i++) {
      const g = gpuMonthlyCost(c.model, volumes[i]);
      if (g < out[i]) out[i] = g;
    }
  }
  const m = candidates[0].model;
  const share = 1 + m.overheadShare;
  const fixed = fixedMonthlyCost(m);
  for (let i = 0; i < volumes.length; i++) out[i] = out[i] * share + fixed;
  return out;
}

/**
 * The option's breakeven is the earliest over its tensor-parallel degrees: since its cost at any
 * volume is the cheapest degree's, the first volume where it matches the API is the first
 * volume where some degree does. Exact, because each degree's breakeven is.
 */
function earliestBreakeven(candidates: Candidate[], chosen: SelfHostCostModel, api: LinearApi, tokensPerRequest: number, basis: Basis) {
  let best: (Breakeven & { reached: true }) | null = null;
  let tp = 0;
  for (const c of candidates) {
    const b = findBreakeven(c.model, api, tokensPerRequest, basis);
    if (b.reached && (!best || b.requestsPerMonth < best.requestsPerMonth)) {
      best = b;
      tp = c.capacity.tensorParallel;
    }
  }
  if (!best) return findBreakeven(chosen, api, tokensPerRequest, basis);
  // Written out rather than spread: a spread copy here kept each evaluation's objects alive
  // through the next minor garbage collection (see costsAt in evaluateParsed).
  const { basis: b, requestsPerMonth, tokensPerMonth, selfHostMonthly, apiMonthly, replicas } = best;
  return { reached: true as const, basis: b, requestsPerMonth, tokensPerMonth, selfHostMonthly, apiMonthly, replicas, tensorParallel: tp };
}

/** Prices every tensor-parallel degree that fits and keeps the cheapest at today's volume. */
function cheapestDegree(option: SelfHostOption, candidates: Extract<ReplicaCapacity, { fits: true }>[], w: ScenarioInput["workload"], salary: number, R: number) {
  const priced = candidates.map((capacity) => {
    const model = selfHostCostModel(option, capacity, w, salary);
    return { capacity, model, cost: selfHostMonthlyCost(model, R) };
  });
  const best = priced.reduce((a, b) => (b.cost < a.cost * (1 - 1e-9) ? b : a));
  if (best !== priced[0]) {
    const first = priced[0];
    best.capacity = {
      ...best.capacity,
      notes: [
        ...best.capacity.notes,
        `Tensor parallel ${best.capacity.tensorParallel} (room for ${best.capacity.maxSequencesByMemory} sequences) costs ${formatMoney(first.cost - best.cost)}/month less here than the smallest fit, ${first.capacity.tensorParallel} (${first.capacity.maxSequencesByMemory} sequences).`,
      ],
    };
  }
  return { capacity: best.capacity, model: best.model, candidates: undominated(priced) };
}

/**
 * Drops degrees that can never be the cheapest: B is dominated by A when A uses no more GPUs per
 * replica (t_A ≤ t_B) and no more GPU time per request (t_A·k_A ≤ t_B·k_B, k = load per
 * request). Then B needs at least as many rented GPUs as A at every volume in every billing
 * mode, so its cost, its breakeven and its curve can only be worse. Exact, and it spares the
 * curve, the projection and the breakeven search most of the candidates.
 */
function undominated<T extends Candidate>(list: T[]): T[] {
  const gpuLoad = (c: Candidate) => c.model.tensorParallel * c.model.loadPerRequest;
  return list.filter(
    (b) => !list.some((a) => a !== b && a.model.tensorParallel <= b.model.tensorParallel && gpuLoad(a) <= gpuLoad(b) && (a.model.tensorParallel < b.model.tensorParallel || gpuLoad(a) < gpuLoad(b))),
  );
}

type Sizing = Extract<SelfHostOptionResult, { feasible: true }>["sizing"];

function sizing(model: SelfHostCostModel, capacity: Extract<ReplicaCapacity, { fits: true }>, R: number, outputTokensPerRequest: number): Sizing {
  const load = R * model.loadPerRequest;
  const replicas = replicasFor(model, R);
  const needed = Math.ceil(load / model.utilisation);
  const serving = model.billingMode === "scale-to-zero" ? replicas : Math.max(1, replicas - model.failoverReplicas);
  let boundBy: "memory" | "throughput" | "latency" | "minimum-replicas" = "throughput";
  if (model.billingMode !== "scale-to-zero" && needed + model.failoverReplicas < model.minReplicas) boundBy = "minimum-replicas";
  else if (capacity.throughputSource === "roofline" && capacity.roofline.batchBoundBy !== "scheduler") boundBy = capacity.roofline.batchBoundBy;
  const activeSeconds = DAYS_PER_MONTH * model.activeHoursPerDay * SECONDS_PER_HOUR;
  return {
    weightGb: capacity.weightBytes / BYTES_PER_GB,
    kvBytesPerToken: capacity.kvBytesPerToken,
    contextTokens: capacity.contextTokens,
    tensorParallel: capacity.tensorParallel,
    maxSequencesByMemory: capacity.maxSequencesByMemory,
    batch: capacity.throughputSource === "benchmark" && capacity.benchmark ? capacity.benchmark.concurrency : capacity.roofline.batch,
    batchBoundBy: capacity.roofline.batchBoundBy,
    throughputSource: capacity.throughputSource,
    benchmark: capacity.benchmark ? `${capacity.benchmark.source} (${capacity.benchmark.why})` : null,
    outputTokensPerSPerReplica: capacity.outputTokensPerS,
    prefillTokensPerSPerReplica: capacity.prefillTokensPerS,
    perStreamTokensPerS: capacity.perStreamTokensPerS,
    ttftMs: capacity.ttftMs,
    peakOutputTokensPerS: ((R * outputTokensPerRequest) / activeSeconds) * model.peakToAverage,
    load,
    replicas,
    gpus: model.billingMode === "scale-to-zero" ? replicas * model.tensorParallel : rentedGpus(model, replicas),
    gpuHours: gpuHoursFor(model, R, replicas),
    achievedUtilisation: serving > 0 ? load / serving : 0,
    boundBy,
    notes: capacity.notes,
  };
}

/** Volumes for the cost-against-volume chart: log-spaced around today's volume and the breakevens. */
function curveVolumes(R: number, breakeven: Evaluation["breakeven"]): number[] {
  let lo = Math.max(R, 1000) / 10;
  let hi = Math.max(R, 1000) * 10;
  const marks: number[] = [];
  for (const b of breakeven) {
    for (const x of [b.fullyLoaded, b.gpuOnly]) {
      if (!x.reached) continue;
      marks.push(x.requestsPerMonth);
      if (x.requestsPerMonth > 0) lo = Math.min(lo, x.requestsPerMonth / 2);
      hi = Math.max(hi, x.requestsPerMonth * 2);
    }
  }
  lo = Math.max(1, lo);
  const ratio = Math.pow(hi / lo, 1 / (COST_CURVE_POINTS - 1));
  const points: number[] = [R, ...marks];
  for (let i = 0, v = lo; i < COST_CURVE_POINTS; i++, v *= ratio) points.push(Math.round(v));
  points.sort((a, b) => a - b);
  return points.filter((v, i) => i === 0 || v !== points[i - 1]);
}

function volumeTriggers(entry: Evaluation["breakeven"][number] | undefined, R: number, selfWinsNow: boolean): Trigger[] {
  const be = entry?.fullyLoaded;
  if (!be || !be.reached) return [];
  const above = be.requestsPerMonth > R;
  if (above === selfWinsNow && be.requestsPerMonth !== R) return [];
  const winnerAfter = above ? "self-host" : "api";
  return [
    {
      input: "volume",
      label: "Monthly volume",
      direction: above ? "above" : "below",
      value: R > 0 ? be.requestsPerMonth / R : 0,
      absolute: be.requestsPerMonth,
      unit: "requests/month",
      winnerAfter,
      text: `${winnerAfter === "api" ? "The API" : "Self-hosting"} wins ${above ? "above" : "below"} ${formatCount(be.requestsPerMonth)} requests/month.`,
    },
  ];
}

function explain(
  input: ScenarioInput,
  options: OptionResult[],
  rec: Omit<Evaluation["recommendation"], "reason">,
  breakeven: Evaluation["breakeven"],
  bestApi: string | null,
  bestSelf: string | null,
): string {
  const find = (id: string | null) => options.find((o) => o.id === id && o.feasible) as Extract<OptionResult, { feasible: true }> | undefined;
  const api = find(bestApi);
  const self = find(bestSelf);
  const parts: string[] = [];
  const volume = `${formatCount(input.workload.requestsPerMonth)} requests a month`;
  if (api && self) {
    const cheaper = self.monthlyCost < api.monthlyCost ? self : api;
    const dearer = cheaper === self ? api : self;
    const share = Math.round(((dearer.monthlyCost - cheaper.monthlyCost) / dearer.monthlyCost) * 100);
    parts.push(
      `At ${volume}, ${cheaper.label} costs ${formatMoney(cheaper.monthlyCost)} a month against ${formatMoney(dearer.monthlyCost)} for ${dearer.label} (${share}% less), with engineering time, overhead and set-up counted on the self-host side.`,
    );
    const be = breakeven.find((b) => b.selfHostId === self.id);
    if (be) {
      const full = be.fullyLoaded.reached
        ? `Fully loaded, self-hosting breaks even at ${formatCount(be.fullyLoaded.requestsPerMonth)} requests a month`
        : `Fully loaded, self-hosting does not break even (${be.fullyLoaded.reason.replace(/\.$/, "")})`;
      const gpu = be.gpuOnly.reached
        ? `counting GPUs alone, as simple calculators do, it would at ${formatCount(be.gpuOnly.requestsPerMonth)}`
        : "counting GPUs alone it does not either";
      parts.push(`${full}; ${gpu}.`);
    }
    if (rec.economic.closeCall) parts.push(`The two are within ${Math.round(input.settings.closeCallMargin * 100)}%, a close call: the API keeps the freedom to switch models without re-provisioning.`);
  } else if (api || self) {
    const only = (api ?? self)!;
    parts.push(`Only ${only.kind === "api" ? "API" : "self-host"} options were priced; the cheapest is ${only.label} at ${formatMoney(only.monthlyCost)} a month for ${volume}.`);
  }
  if (rec.overriddenBy.length && rec.overrideMonthlyCost !== null) {
    const cost = rec.overrideMonthlyCost;
    parts.push(
      `${rec.overriddenBy.map((o) => `"${o.label}"`).join(" and ")} override${rec.overriddenBy.length > 1 ? "" : "s"} the economics: ${cost >= 0 ? `it costs ${formatMoney(cost)} a month more` : `it happens to save ${formatMoney(-cost)} a month`} than the cheapest option it rules out.`,
    );
  }
  if (rec.outcome === "infeasible") parts.push(rec.conflicts.join(" "));
  // Sentences joined by one space (a regular expression tidying the spaces afterwards cost more
  // than building the rest of the reason).
  return parts.join(" ");
}
