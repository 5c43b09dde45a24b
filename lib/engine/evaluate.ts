// evaluateScenario: the one entry point. Validated input in, plain data out (EvaluationSchema).
import { apiCostLines, apiCostModel, apiMonthlyCost, type ApiCostModel } from "./api-cost";
import { findBreakeven, type Breakeven, type LinearApi } from "./breakeven";
import { checkConstraint, type CheckedOption, type ConstraintCheck } from "./constraints";
import { BYTES_PER_GB, DAYS_PER_MONTH, MONTHS_PER_YEAR, REQUESTS_PER_THOUSAND, SECONDS_PER_HOUR, TOKENS_PER_MILLION } from "./constants";
import { total } from "./cost-line";
import { ttftAtLoad } from "./latency";
import { monteCarlo } from "./monte-carlo";
import { project } from "./projection";
import { recommend } from "./recommendation";
import type { ApiOptionResult, Evaluation, OptionResult, SelfHostOptionResult } from "./result-schema";
import { ScenarioInputSchema, type ScenarioInput, type SelfHostOption } from "./schema";
import {
  gpuHoursFor,
  gpuMonthlyCost,
  gpusPerReplica,
  loadInputs,
  rentedGpus,
  replicasFor,
  selfHostCostLines,
  selfHostCostModel,
  selfHostMonthlyCost,
  type SelfHostCostModel,
} from "./self-host-cost";
import { describeThroughput, replicaCandidates, type FitCapacity } from "./self-host-sizing";
import { tornado } from "./sensitivity";
import { formatCount, plural } from "../format/text";
import { formatUsd } from "../format/numbers";
import { revisitTriggers, type Trigger } from "./triggers";
import type { PairModel } from "./what-if";

export const ENGINE_VERSION = "2.0.0";
const COST_CURVE_POINTS = 25; // log-spaced over at least two decades: about ten a decade draws a smooth line
const COST_TIE = 1e-9; // relative: costs this close are a tie

export class EngineInputError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid scenario: ${issues.map((i) => `${i.path || "(input)"}: ${i.message}`).join("; ")}`);
    this.name = "EngineInputError";
  }
}

export function parseScenario(raw: unknown): ScenarioInput {
  const parsed = ScenarioInputSchema.safeParse(raw);
  if (!parsed.success)
    throw new EngineInputError(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  return parsed.data;
}

export type EvaluateOptions = { monteCarloSamples?: number };

type SelfState = { option: SelfHostOption; capacity: FitCapacity; model: SelfHostCostModel };

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
    return {
      kind: "api",
      id: option.id,
      label: option.label,
      feasible: true,
      lines,
      ...unit(total(lines)),
      priceTier: model.prices.tier,
      flags,
    };
  });

  const latencyTargets = hardLatencyTargets(input);
  const selfStates = new Map<string, SelfState>();
  const checked: CheckedOption[] = input.apiOptions.map((option) => ({ kind: "api", option }));
  const selfResults: SelfHostOptionResult[] = input.selfHostOptions.map((option) => {
    const sized = replicaCandidates(option, w, input.settings.sloOutputTokensPerSecond);
    if (!sized.fits) {
      checked.push({ kind: "self-host", option, ttft: null, perStreamTokensPerS: null });
      return { kind: "self-host", id: option.id, label: option.label, feasible: false, reason: sized.reason };
    }
    const { capacity, model, notes } = chooseDegree(option, sized.candidates, w, salary, latencyTargets);
    selfStates.set(option.id, { option, capacity, model });
    const size = sizing(option, model, capacity, input, notes);
    checked.push({
      kind: "self-host",
      option,
      ttft: { p50Ms: size.ttftP50Ms, p95Ms: size.ttftP95Ms },
      perStreamTokensPerS: capacity.perStreamTokensPerS,
    });
    const lines = selfHostCostLines(model, option, R);
    return {
      kind: "self-host",
      id: option.id,
      label: option.label,
      feasible: true,
      lines,
      ...unit(total(lines)),
      gpuOnlyMonthlyCost: gpuMonthlyCost(model, R),
      sizing: size,
    };
  });
  const options: OptionResult[] = [...apiResults, ...selfResults];

  // Constraints and the recommendation.
  const checks: ConstraintCheck[] = input.constraints.flatMap((c) => checked.map((o) => checkConstraint(c, o)));
  const { recommendation, constraintResults } = recommend(options, input.constraints, checks, input.settings.closeCallMargin);

  // Breakeven of every self-host option against the lower envelope of the API options.
  const bestApi = recommendation.economic.cheapestApiId;
  const bestSelf = recommendation.economic.cheapestSelfHostId;
  const breakeven = apiModels.size
    ? [...selfStates.values()].map(({ option, model }) => envelopeBreakeven(option.id, model, apiModels, tokensPerRequest))
    : [];

  // Cost against volume, and the projection over the horizon.
  const priced = [...apiModels.keys(), ...selfStates.keys()];
  const costsAt = (id: string, volumes: number[]): number[] => {
    const api = apiModels.get(id);
    if (api) return volumes.map((r) => apiMonthlyCost(api, r));
    const model = selfStates.get(id)!.model;
    return volumes.map((r) => selfHostMonthlyCost(model, r));
  };
  const curve = curveVolumes(R, breakeven);
  const costCurve = { requestsPerMonth: curve, costs: {} as Record<string, number[]> };
  for (const id of priced) costCurve.costs[id] = costsAt(id, curve);
  const projection = project(
    R,
    w.monthlyGrowth,
    w.horizonMonths,
    priced,
    costsAt,
    bestApi && bestSelf ? { selfId: bestSelf, apiId: bestApi } : null,
  );

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
    triggers = [
      ...volumeTriggers(
        breakeven.find((b) => b.selfHostId === bestSelf),
        R,
      ),
      ...revisitTriggers(pair),
    ];
  }

  const reason = explain(input, options, recommendation, breakeven, bestApi, bestSelf, selfStates);
  return {
    engineVersion: ENGINE_VERSION,
    scenarioName: input.name,
    workload: {
      requestsPerMonth: R,
      inputTokensPerMonth: R * w.inputTokensPerRequest,
      outputTokensPerMonth: R * w.outputTokensPerRequest,
      tokensPerRequest,
    },
    options,
    breakeven,
    costCurve,
    projection,
    comparison,
    tornado: bars,
    uncertainty,
    triggers,
    constraints: constraintResults,
    recommendation: { ...recommendation, reason },
  };
}

type LatencyTargets = { ttftP95Ms: number | null; minStreamTokensPerS: number | null };

/** The tightest hard latency constraints: a tensor-parallel degree that misses them does not compete. */
function hardLatencyTargets(input: ScenarioInput): LatencyTargets {
  let ttftP95Ms: number | null = null;
  let minStreamTokensPerS: number | null = null;
  for (const c of input.constraints) {
    if (!c.hard) continue;
    if (c.kind === "ttft-budget") ttftP95Ms = Math.min(ttftP95Ms ?? Infinity, c.p95Ms);
    if (c.kind === "min-output-speed") minStreamTokensPerS = Math.max(minStreamTokensPerS ?? 0, c.tokensPerSecond);
  }
  return { ttftP95Ms, minStreamTokensPerS };
}

/**
 * The tensor-parallel degree an option is deployed at, one for every volume (a team picks a
 * layout per model and GPU, and re-sizing never makes replicas fall as volume grows). Only degrees
 * that meet the speed target and the hard latency constraints compete (all of them when none
 * does: the constraint then removes the option); the winner needs the least GPU time per request
 * at capacity, and on a tie the fewer GPUs per replica.
 */
function chooseDegree(
  option: SelfHostOption,
  candidates: FitCapacity[],
  w: ScenarioInput["workload"],
  salary: number,
  targets: LatencyTargets,
) {
  const priced = candidates.map((capacity) => ({ capacity, model: selfHostCostModel(option, capacity, w, salary) }));
  const misses = (c: FitCapacity): string | null => {
    if (!c.meetsSlo) return "misses the speed target";
    if (targets.minStreamTokensPerS !== null && c.perStreamTokensPerS < targets.minStreamTokensPerS)
      return "is slower per stream than the speed constraint";
    if (targets.ttftP95Ms !== null && ttftAtLoad(c, option.targetUtilisation, option.inNetworkRttMs).p95Ms > targets.ttftP95Ms)
      return "misses the time-to-first-token budget at peak";
    return null;
  };
  const passing = priced.filter((p) => misses(p.capacity) === null);
  const pool = passing.length ? passing : priced;
  const gpuTime = (p: (typeof priced)[number]) => p.model.tensorParallel * p.model.loadPerRequest;
  const best = pool.reduce((a, b) => {
    const d = gpuTime(b) - gpuTime(a);
    if (Math.abs(d) <= COST_TIE * gpuTime(a)) return b.capacity.tensorParallel < a.capacity.tensorParallel ? b : a;
    return d < 0 ? b : a;
  });
  const notes: string[] = [];
  if (!passing.length) notes.push("No tensor-parallel degree meets the latency targets; the smallest GPU time per request is shown.");
  for (const p of priced) {
    if (p === best) continue;
    const why = misses(p.capacity);
    const t = p.capacity.tensorParallel;
    if (why && passing.length) notes.push(`Tensor parallel ${t} ${why}.`);
    else if (t < best.capacity.tensorParallel)
      notes.push(
        `Tensor parallel ${t} needs ${(gpuTime(p) / gpuTime(best)).toFixed(2)}× the GPU time per request (room for ${plural(p.capacity.maxSequencesByMemory, "sequence")}).`,
      );
  }
  return { capacity: best.capacity, model: best.model, notes };
}

/**
 * Breakeven against each API option, and against their lower envelope (the cheapest API at each
 * volume): self-hosting loses to the envelope wherever it loses to some API, so the envelope's
 * breakeven is the latest of the per-API ones, and it is not reached if any of them is not.
 */
function envelopeBreakeven(
  selfHostId: string,
  model: SelfHostCostModel,
  apis: Map<string, ApiCostModel>,
  tokensPerRequest: number,
): Evaluation["breakeven"][number] {
  const perApi = [...apis.entries()].map(([apiId, api]) => ({
    apiId,
    fullyLoaded: findBreakeven(model, api, tokensPerRequest, "fully-loaded"),
    gpuOnly: findBreakeven(model, { perRequest: api.perRequest, fixed: 0 } satisfies LinearApi, tokensPerRequest, "gpu-only"),
  }));
  const latest = (basis: "fullyLoaded" | "gpuOnly") => perApi.reduce((a, b) => (later(b[basis], a[basis]) ? b : a));
  const full = latest("fullyLoaded");
  return { selfHostId, apiId: full.apiId, fullyLoaded: full.fullyLoaded, gpuOnly: latest("gpuOnly").gpuOnly, perApi };
}

/** A not-reached breakeven is later than any reached one. */
function later(a: Breakeven, b: Breakeven): boolean {
  if (!a.reached) return b.reached;
  return b.reached && a.requestsPerMonth > b.requestsPerMonth;
}

type Sizing = Extract<SelfHostOptionResult, { feasible: true }>["sizing"];

function sizing(
  option: SelfHostOption,
  model: SelfHostCostModel,
  capacity: FitCapacity,
  input: ScenarioInput,
  degreeNotes: string[],
): Sizing {
  const R = input.workload.requestsPerMonth;
  const rows = describeThroughput(capacity, option, input.workload, input.settings.sloOutputTokensPerSecond);
  const load = R * model.loadPerRequest;
  const replicas = replicasFor(model, R);
  const needed = Math.ceil(load / model.utilisation);
  const scaleToZero = model.billingMode === "scale-to-zero";
  const serving = scaleToZero ? replicas : Math.max(1, replicas - model.failoverReplicas);
  let boundBy: Sizing["boundBy"] = "throughput";
  if (!scaleToZero && needed + model.failoverReplicas < model.minReplicas) boundBy = "minimum-replicas";
  else if (capacity.batchBoundBy === "memory" || capacity.batchBoundBy === "latency") boundBy = capacity.batchBoundBy;
  const activeSeconds = DAYS_PER_MONTH * model.activeHoursPerDay * SECONDS_PER_HOUR;
  const utilisation = serving > 0 ? load / serving : 0;
  const ttft = ttftAtLoad(capacity, scaleToZero ? model.utilisation : utilisation, option.inNetworkRttMs);
  return {
    weightGb: capacity.weightBytes / BYTES_PER_GB,
    kvBytesPerToken: capacity.kvBytesPerToken,
    contextTokens: capacity.contextTokens,
    tensorParallel: capacity.tensorParallel,
    maxSequencesByMemory: capacity.maxSequencesByMemory,
    batch: capacity.batch,
    batchBoundBy: capacity.batchBoundBy,
    throughputPath: capacity.throughputPath,
    benchmark: rows.reference,
    calibrationFactor: capacity.throughputPath === "calibrated-roofline" && capacity.reference ? capacity.reference.factor : null,
    rejectedBenchmarks: rows.rejected,
    outputTokensPerSPerReplica: capacity.outputTokensPerS,
    prefillTokensPerSPerReplica: capacity.prefillTokensPerS,
    perStreamTokensPerS: capacity.perStreamTokensPerS,
    ttftP50Ms: ttft.p50Ms,
    ttftP95Ms: ttft.p95Ms,
    peakOutputTokensPerS: ((R * input.workload.outputTokensPerRequest) / activeSeconds) * model.peakToAverage,
    load,
    replicas,
    gpus: scaleToZero ? replicas * gpusPerReplica(model) : rentedGpus(model, replicas),
    gpuHours: gpuHoursFor(model, R, replicas),
    achievedUtilisation: utilisation,
    boundBy,
    notes: [...degreeNotes, ...capacity.notes],
  };
}

/** Volumes for the cost-against-volume chart: log-spaced around today's volume and the breakevens. */
function curveVolumes(R: number, breakeven: Evaluation["breakeven"]): number[] {
  let lo = Math.max(R, 1000) / 10;
  let hi = Math.max(R, 1000) * 10;
  const marks: number[] = [];
  for (const b of breakeven) {
    for (const x of [b.fullyLoaded, b.gpuOnly]) {
      if (!x.reached || x.everyVolume) continue;
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

/** "Self-hosting wins above N requests/month", from the envelope breakeven, when it is a real crossing. */
function volumeTriggers(entry: Evaluation["breakeven"][number] | undefined, R: number): Trigger[] {
  const be = entry?.fullyLoaded;
  if (!be || !be.reached || be.everyVolume) return [];
  const above = be.requestsPerMonth > R;
  return [
    {
      input: "volume",
      label: "Monthly volume",
      direction: above ? "above" : "below",
      value: R > 0 ? be.requestsPerMonth / R : 0,
      absolute: be.requestsPerMonth,
      unit: "requests/month",
      winnerAfter: above ? "self-host" : "api",
      text: above
        ? `Self-hosting wins from ${formatCount(be.requestsPerMonth)} requests/month, against every listed API.`
        : `The cheapest API wins below ${formatCount(be.requestsPerMonth)} requests/month.`,
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
  selfStates: Map<string, SelfState>,
): string {
  const find = (id: string | null) =>
    options.find((o) => o.id === id && o.feasible) as Extract<OptionResult, { feasible: true }> | undefined;
  const api = find(bestApi);
  const self = find(bestSelf);
  const parts: string[] = [];
  const volume = `${formatCount(input.workload.requestsPerMonth)} requests a month`;
  if (api && self) {
    const cheaper = self.monthlyCost < api.monthlyCost ? self : api;
    const dearer = cheaper === self ? api : self;
    const share = dearer.monthlyCost > 0 ? Math.round(((dearer.monthlyCost - cheaper.monthlyCost) / dearer.monthlyCost) * 100) : 0;
    const counted = countedParts(selfStates.get(self.id));
    parts.push(
      `At ${volume}, ${cheaper.label} costs ${formatUsd(cheaper.monthlyCost)} a month against ${formatUsd(dearer.monthlyCost)} for ${dearer.label} (${share}% less)${counted ? `, with ${counted} counted on the self-host side` : ", counting GPU time alone on the self-host side"}.`,
    );
    const be = breakeven.find((b) => b.selfHostId === self.id);
    if (be) parts.push(breakevenSentence(be, options));
    if (rec.economic.closeCall)
      parts.push(
        `The two are within ${Math.round(input.settings.closeCallMargin * 100)}%, a close call: the API keeps the freedom to switch models without re-provisioning.`,
      );
  } else if (api || self) {
    const only = (api ?? self)!;
    parts.push(
      `Only ${only.kind === "api" ? "API" : "self-host"} options were priced; the cheapest is ${only.label} at ${formatUsd(only.monthlyCost)} a month for ${volume}.`,
    );
  }
  if (rec.overriddenBy.length && rec.overrideMonthlyCost !== null) {
    const cost = rec.overrideMonthlyCost;
    parts.push(
      `${rec.overriddenBy.map((o) => `"${o.label}"`).join(" and ")} override${rec.overriddenBy.length > 1 ? "" : "s"} the economics: ${cost >= 0 ? `it costs ${formatUsd(cost)} a month more` : `it happens to save ${formatUsd(-cost)} a month`} than the cheapest option it rules out.`,
    );
  }
  if (rec.outcome === "infeasible") parts.push(rec.conflicts.join(" "));
  return parts.join(" ");
}

/** The self-host costs beside GPU time that the option actually carries, in words ("" when none). */
function countedParts(state: SelfState | undefined): string {
  if (!state) return "";
  const m = state.model;
  const parts: string[] = [];
  if (m.engineeringFte > 0) parts.push("engineering time");
  if (m.overheadShare > 0 || m.overheadFixed > 0) parts.push("infrastructure overhead");
  if (m.setupEngineerWeeks > 0) parts.push("set-up");
  if (m.switchesPerYear * m.weeksPerSwitch > 0) parts.push("model switches");
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function breakevenSentence(be: Evaluation["breakeven"][number], options: OptionResult[]): string {
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const against = be.perApi.length > 1 ? "every listed API" : label(be.apiId);
  const f = be.fullyLoaded;
  const g = be.gpuOnly;
  const full = !f.reached
    ? `Fully loaded, self-hosting does not break even against ${against} (${f.reason.replace(/\.$/, "")})`
    : f.everyVolume
      ? `Fully loaded, self-hosting costs no more than ${against} at any volume`
      : `Fully loaded, self-hosting costs no more than ${against} from ${formatCount(f.requestsPerMonth)} requests a month${be.perApi.length > 1 ? ` (${label(be.apiId)} is the last to be overtaken)` : ""}`;
  const gpu = !g.reached
    ? `counting GPUs alone it does not${f.reached ? "" : " either"}`
    : g.everyVolume
      ? "counting GPUs alone it never costs more"
      : `counting GPUs alone, as simple calculators do, it would from ${formatCount(g.requestsPerMonth)}`;
  return `${full}; ${gpu}.`;
}
