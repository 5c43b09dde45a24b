// How a self-host option is sized for the evaluation: the tensor-parallel degree that meets the
// hard latency targets at the lowest cost, its sizing summary, and the envelope breakeven.
import type { ApiCostModel } from "./api-cost";
import { findBreakeven, type Breakeven, type LinearApi } from "./breakeven";
import { BYTES_PER_GB, DAYS_PER_MONTH, HOURS_PER_MONTH, SECONDS_PER_HOUR } from "./constants";
import { ttftAtLoad } from "./latency";
import type { BreakevenFigures } from "./figures";
import type { SelfHostOptionResult } from "./result-schema";
import type { ScenarioInput, SelfHostOption } from "./schema";
import {
  gpuHoursFor,
  gpusPerReplica,
  ownedServers,
  rentedGpus,
  replicasFor,
  selfHostCostModel,
  type SelfHostCostModel,
} from "./self-host-cost";
import { throughputRows, type FitCapacity, type RowRejection, type RowUse, type SizingNote } from "./self-host-sizing";

const COST_TIE = 1e-9; // relative: costs this close are a tie

export type LatencyTargets = { ttftP95Ms: number | null; minStreamTokensPerS: number | null };

/** The tightest hard latency constraints: a tensor-parallel degree that misses them does not compete. */
export function hardLatencyTargets(input: ScenarioInput): LatencyTargets {
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
export function chooseDegree(
  option: SelfHostOption,
  candidates: FitCapacity[],
  w: ScenarioInput["workload"],
  salary: number,
  targets: LatencyTargets,
) {
  const priced = candidates.map((capacity) => ({ capacity, model: selfHostCostModel(option, capacity, w, salary) }));
  const misses = (c: FitCapacity): DegreeMiss | null => {
    if (!c.meetsSlo) return "speed-target";
    if (targets.minStreamTokensPerS !== null && c.perStreamTokensPerS < targets.minStreamTokensPerS) return "stream-speed";
    if (targets.ttftP95Ms !== null && ttftAtLoad(c, option.targetUtilisation, option.inNetworkRttMs).p95Ms > targets.ttftP95Ms)
      return "ttft-budget";
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
  const notes: SizingNote[] = [];
  if (!passing.length) notes.push({ code: "no-degree-meets-targets" });
  for (const p of priced) {
    if (p === best) continue;
    const why = misses(p.capacity);
    const t = p.capacity.tensorParallel;
    if (why && passing.length) notes.push({ code: "degree-misses", tensorParallel: t, misses: why });
    else if (t < best.capacity.tensorParallel)
      notes.push({
        code: "degree-costlier",
        tensorParallel: t,
        gpuTimeRatio: gpuTime(p) / gpuTime(best),
        sequences: p.capacity.maxSequencesByMemory,
      });
  }
  return { capacity: best.capacity, model: best.model, notes };
}

/**
 * Breakeven against each API option, and against their lower envelope (the cheapest API at each
 * volume): self-hosting loses to the envelope wherever it loses to some API, so the envelope's
 * breakeven is the latest of the per-API ones, and it is not reached if any of them is not.
 */
export function envelopeBreakeven(
  selfHostId: string,
  model: SelfHostCostModel,
  apis: Map<string, ApiCostModel>,
  tokensPerRequest: number,
): BreakevenFigures {
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
export function later(a: Breakeven, b: Breakeven): boolean {
  if (!a.reached) return b.reached;
  return b.reached && a.requestsPerMonth > b.requestsPerMonth;
}

export type Sizing = Extract<SelfHostOptionResult, { feasible: true }>["sizing"];
/** The sizing as the engine computes it: measured rows and notes as codes, worded by describe.ts. */
export type SizingFigures = Omit<Sizing, "benchmark" | "rejectedBenchmarks" | "notes"> & {
  benchmark: RowUse | null;
  rejectedBenchmarks: RowRejection[];
  notes: SizingNote[];
};
type DegreeMiss = Extract<SizingNote, { code: "degree-misses" }>["misses"];

export function sizing(
  option: SelfHostOption,
  model: SelfHostCostModel,
  capacity: FitCapacity,
  input: ScenarioInput,
  degreeNotes: SizingNote[],
): SizingFigures {
  const R = input.workload.requestsPerMonth;
  const rows = throughputRows(capacity, option);
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
  const owned = ownedSizing(option, model, R);
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
    gpus: owned ? owned.servers * model.owned!.gpusPerServer : scaleToZero ? replicas * gpusPerReplica(model) : rentedGpus(model, replicas),
    gpuHours: owned ? owned.servers * model.owned!.gpusPerServer * HOURS_PER_MONTH : gpuHoursFor(model, R, replicas),
    owned,
    achievedUtilisation: utilisation,
    boundBy,
    notes: [...degreeNotes, ...capacity.notes, ...(owned ? [ownedNote(option, model, owned)] : [])],
  };
}

function ownedSizing(option: SelfHostOption, model: SelfHostCostModel, R: number): Sizing["owned"] {
  if (!model.owned || option.hosting.kind !== "owned") return null;
  const servers = ownedServers(model, model.owned, R);
  return {
    servers,
    capital: servers * model.owned.capitalPerServer,
    leadTimeWeeks: option.hosting.leadTimeWeeks,
    gpuLoadShare: model.owned.gpuLoadShare,
  };
}

function ownedNote(option: SelfHostOption, model: SelfHostCostModel, owned: NonNullable<Sizing["owned"]>): SizingNote {
  const o = model.owned!;
  const fixed = option.hosting.kind === "owned" && option.hosting.servers !== null;
  return {
    code: "owned",
    servers: owned.servers,
    gpusPerServer: o.gpusPerServer,
    basis: fixed ? "fixed" : o.growthToPeak > 1 ? "horizon-peak" : "today",
    growthToPeak: o.growthToPeak,
    capital: owned.capital,
    leadTimeWeeks: owned.leadTimeWeeks,
  };
}
