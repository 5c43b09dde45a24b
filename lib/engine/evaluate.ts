// The engine's entry points. evaluateFigures: a parsed input in, numbers and codes out;
// evaluateParsed and evaluateScenario add the sentences (describe.ts) for whoever shows them.
import { apiCostLines, apiCostModel, apiMonthlyCost, type ApiCostModel } from "./api-cost";
import { checkConstraint, type CheckedOption, type ConstraintCheck } from "./constraints";
import { MONTHS_PER_YEAR, REQUESTS_PER_THOUSAND, TOKENS_PER_MILLION } from "./constants";
import { total } from "./cost-line";
import { monteCarlo } from "./monte-carlo";
import { evaluateHybrids, recommendMix } from "./hybrid";
import { evaluateRoutings } from "./routing";
import { project } from "./projection";
import { recommend } from "./recommendation";
import type { Evaluation } from "./result-schema";
import { ScenarioInputSchema, type ApiOption, type ScenarioInput, type SelfHostOption } from "./schema";
import {
  gpuMonthlyCost,
  loadInputs,
  ownedCashByMonth,
  selfHostCostLines,
  selfHostMonthlyCost,
  type SelfHostCostModel,
} from "./self-host-cost";
import { replicaCandidates, type FitCapacity } from "./self-host-sizing";
import { tornado } from "./sensitivity";
import { revisitTriggers, type Trigger } from "./triggers";
import type { PairModel } from "./what-if";
import { chooseDegree, envelopeBreakeven, hardLatencyTargets, sizing } from "./evaluate-sizing";
import { describeEvaluation } from "./describe";
import type { BreakevenFigures, EvaluationFigures, OptionFigures } from "./figures";

export const ENGINE_VERSION = "2.0.0";
const COST_CURVE_POINTS = 25; // log-spaced over at least two decades: about ten a decade draws a smooth line

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

export type SelfState = { option: SelfHostOption; capacity: FitCapacity; model: SelfHostCostModel };

/** Validates raw input once, evaluates it and words the result. */
export function evaluateScenario(raw: unknown, opts: EvaluateOptions = {}): Evaluation {
  return evaluateParsed(parseScenario(raw), opts);
}

/** evaluateScenario for input that has already been through parseScenario. */
export function evaluateParsed(input: ScenarioInput, opts: EvaluateOptions = {}): Evaluation {
  return describeEvaluation(input, evaluateFigures(input, opts));
}

type Priced = {
  options: OptionFigures[];
  apiModels: Map<string, ApiCostModel>;
  selfStates: Map<string, SelfState>;
  checked: CheckedOption[];
};

/** Every option priced line by line at today's volume, and what the constraints are checked on. */
function priceOptions(input: ScenarioInput): Priced {
  const w = input.workload;
  const salary = input.people.engineerAnnualCost;
  const R = w.requestsPerMonth;
  const monthlyTokens = R * (w.inputTokensPerRequest + w.outputTokensPerRequest);
  const unit = (monthly: number, quality: ScenarioInput["apiOptions"][number]["quality"]) => {
    const perThousandRequests = R > 0 ? (monthly / R) * REQUESTS_PER_THOUSAND : null;
    return {
      monthlyCost: monthly,
      annualCost: monthly * MONTHS_PER_YEAR,
      perMillionTokens: monthlyTokens > 0 ? monthly / (monthlyTokens / TOKENS_PER_MILLION) : null,
      perThousandRequests,
      quality: quality?.score ?? null,
      perThousandSuccessful: perThousandRequests !== null && quality && quality.score > 0 ? perThousandRequests / quality.score : null,
    };
  };
  const apiModels = new Map<string, ApiCostModel>();
  const apiResults: OptionFigures[] = input.apiOptions.map((option) => {
    const model = apiCostModel(option, w, salary);
    apiModels.set(option.id, model);
    const { lines, flags } = apiCostLines(option, w, salary, model.prices);
    return {
      kind: "api",
      id: option.id,
      label: option.label,
      feasible: true,
      lines,
      ...unit(total(lines), option.quality),
      priceTier: model.prices.tier,
      flags,
    };
  });
  const latencyTargets = hardLatencyTargets(input);
  const selfStates = new Map<string, SelfState>();
  const checked: CheckedOption[] = input.apiOptions.map((option) => ({ kind: "api", option }));
  const selfResults: OptionFigures[] = input.selfHostOptions.map((option) => {
    const sized = replicaCandidates(option, w, input.settings.sloOutputTokensPerSecond);
    if (!sized.fits) {
      checked.push({ kind: "self-host", option, ttft: null, perStreamTokensPerS: null });
      return { kind: "self-host", id: option.id, label: option.label, feasible: false, doesNotFit: sized.doesNotFit };
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
      ...unit(total(lines), option.quality),
      gpuOnlyMonthlyCost: gpuMonthlyCost(model, R),
      sizing: size,
    };
  });
  return { options: [...apiResults, ...selfResults], apiModels, selfStates, checked };
}

/** Each priced option's cost against volume, and its cash over the horizon (owned servers when bought). */
function volumeViews(input: ScenarioInput, p: Priced, breakeven: BreakevenFigures[], pair: { selfId: string; apiId: string } | null) {
  const w = input.workload;
  const R = w.requestsPerMonth;
  const priced = [...p.apiModels.keys(), ...p.selfStates.keys()];
  const costsAt = (id: string, volumes: number[]): number[] => {
    const api = p.apiModels.get(id);
    if (api) return volumes.map((r) => apiMonthlyCost(api, r));
    const model = p.selfStates.get(id)!.model;
    return volumes.map((r) => selfHostMonthlyCost(model, r));
  };
  const curve = curveVolumes(R, breakeven);
  const costCurve = { requestsPerMonth: curve, costs: {} as Record<string, number[]> };
  for (const id of priced) costCurve.costs[id] = costsAt(id, curve);
  // Owned servers show as cash: their price in the month they are bought.
  const cashAt = (id: string, volumes: number[]): number[] => {
    const model = p.selfStates.get(id)?.model;
    return model?.owned ? ownedCashByMonth(model, model.owned, volumes) : costsAt(id, volumes);
  };
  return { costCurve, projection: project(R, w.monthlyGrowth, w.horizonMonths, priced, cashAt, pair) };
}

/** The best self-host option against the best API option, as the what-if functions price them. */
export function pairModel(input: ScenarioInput, api: ApiOption, apiModel: ApiCostModel, self: SelfState): PairModel {
  const w = input.workload;
  return {
    requestsPerMonth: w.requestsPerMonth,
    api: {
      prices: apiModel.prices,
      inputTokens: w.inputTokensPerRequest,
      outputTokens: w.outputTokensPerRequest,
      cacheReadShare: w.apiCacheReadShare,
      cacheWriteShare: w.apiCacheWriteShare,
      batchShare: w.batchShare,
      integrationFte: api.integrationFte,
    },
    self: { cost: self.model, load: loadInputs(self.capacity, w) },
    engineerAnnualCost: input.people.engineerAnnualCost,
  };
}

/** Sensitivity, uncertainty and revisit triggers of the best self-host option against the best API option. */
function pairAnalysis(
  input: ScenarioInput,
  p: Priced,
  bestApi: string,
  bestSelf: string,
  breakeven: BreakevenFigures[],
  opts: EvaluateOptions,
) {
  const w = input.workload;
  const a = input.apiOptions.find((o) => o.id === bestApi)!;
  const pair = pairModel(input, a, p.apiModels.get(bestApi)!, p.selfStates.get(bestSelf)!);
  const t = tornado(pair);
  return {
    comparison: { selfHostId: bestSelf, apiId: bestApi, baseDifference: t.baseDifference },
    tornado: t.bars,
    uncertainty: monteCarlo(pair, opts.monteCarloSamples ?? input.settings.monteCarloSamples, input.settings.seed),
    triggers: [
      ...volumeTriggers(
        breakeven.find((b) => b.selfHostId === bestSelf),
        w.requestsPerMonth,
      ),
      ...revisitTriggers(pair),
    ] as Trigger[],
  };
}

/** The evaluation of a parsed input as numbers and codes: what re-pricing, what-ifs and summaries need. */
export function evaluateFigures(input: ScenarioInput, opts: EvaluateOptions = {}): EvaluationFigures {
  const w = input.workload;
  const R = w.requestsPerMonth;
  const tokensPerRequest = w.inputTokensPerRequest + w.outputTokensPerRequest;
  const priced = priceOptions(input);
  const { options, apiModels, selfStates } = priced;

  // Constraints and the recommendation.
  const checks: ConstraintCheck[] = input.constraints.flatMap((c) => priced.checked.map((o) => checkConstraint(c, o)));
  const { recommendation, constraintResults } = recommend(options, input.constraints, checks, input.settings.closeCallMargin);
  const selfModels = new Map([...selfStates].map(([id, st]) => [id, st.model]));
  const hybrid = evaluateHybrids(input, selfModels, apiModels, constraintResults);
  const routing = evaluateRoutings(input, selfModels, apiModels, constraintResults);

  // Breakeven of every self-host option against the lower envelope of the API options.
  const bestApi = recommendation.economic.cheapestApiId;
  const bestSelf = recommendation.economic.cheapestSelfHostId;
  const breakeven = apiModels.size
    ? [...selfStates.values()].map(({ option, model }) => envelopeBreakeven(option.id, model, apiModels, tokensPerRequest))
    : [];
  const { costCurve, projection } = volumeViews(
    input,
    priced,
    breakeven,
    bestApi && bestSelf ? { selfId: bestSelf, apiId: bestApi } : null,
  );
  const pair =
    bestApi && bestSelf
      ? pairAnalysis(input, priced, bestApi, bestSelf, breakeven, opts)
      : { comparison: null, tornado: [], uncertainty: null, triggers: [] as Trigger[] };

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
    hybrid,
    routing,
    breakeven,
    costCurve,
    projection,
    ...pair,
    constraints: constraintResults,
    recommendation: recommendMix(recommendation, hybrid, routing, input.settings.closeCallMargin),
  };
}

/** Volumes for the cost-against-volume chart: log-spaced around today's volume and the breakevens. */
function curveVolumes(R: number, breakeven: BreakevenFigures[]): number[] {
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
function volumeTriggers(entry: BreakevenFigures | undefined, R: number): Trigger[] {
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
    },
  ];
}
