// Self-host sizing (DESIGN.md "Self-host sizing" and "The cost engine, second edition"): memory,
// the tensor-parallel degrees that fit, the batch that fits and meets the speed target, and the
// throughput of one replica — a benchmark row, a roofline calibrated on a benchmark row, or the plain
// roofline — with the path and the reasons for every row that was not used.
import { BYTES_PER_GB, MIN_HEALTHY_BATCH, TENSOR_PARALLEL_DEGREES } from "./constants";
import {
  contextTokens,
  kvBytesPerToken,
  liveContextTokens,
  roofline,
  roomPerGpu,
  sequencesThatFit,
  weightBytes,
  withPrefill,
  type Roofline,
} from "./roofline";
import type { Benchmark, SelfHostOption, Workload } from "./schema";
import { calibrationFactor, concurrencyOf, pickReference, screenRows, type RejectReason, type ScreenedRows } from "./throughput-rows";

export type BatchBound = Roofline["batchBoundBy"] | "measured";
export type ThroughputPath = "measured" | "calibrated-roofline" | "roofline";

/** The measured row a replica's throughput rests on: used as measured (direct) or to scale the roofline. */
export type ReferenceRow = { row: Benchmark; qualifies: boolean; factor: number; direct: boolean };

export type FitCapacity = {
  fits: true;
  weightBytes: number;
  kvBytesPerToken: number;
  contextTokens: number;
  tensorParallel: number;
  maxSequencesByMemory: number;
  roofline: Roofline;
  throughputPath: ThroughputPath;
  reference: ReferenceRow | null;
  /** The option's screened rows (shared by its degrees): sentences are written only for the chosen one. */
  screened: ScreenedRows;
  batch: number;
  batchBoundBy: BatchBound;
  /** Output tokens/s of one replica: measured with prefill included, or decode only (roofline). */
  outputTokensPerS: number;
  /** Uncached prefill tokens/s of one replica; null when a measured rate already includes prefill. */
  prefillTokensPerS: number | null;
  perStreamTokensPerS: number;
  meetsSlo: boolean;
  /** Prefill time of one uncached prompt and one decode step: the idle part of time to first token. */
  prefillSeconds: number;
  stepSeconds: number;
  notes: SizingNote[];
};

/** Why a sizing deserves a second look, as a code with its figures (worded by describe.ts). */
export type SizingNote =
  | { code: "no-degree-meets-targets" }
  | { code: "degree-misses"; tensorParallel: number; misses: "speed-target" | "stream-speed" | "ttft-budget" }
  | { code: "degree-costlier"; tensorParallel: number; gpuTimeRatio: number; sequences: number }
  | { code: "calibration-off"; factor: number }
  | { code: "below-speed-target"; perStreamTokensPerS: number; sloTokensPerS: number }
  | { code: "kv-starved"; sequences: number; tokens: number; tensorParallel: number }
  | { code: "measured-above-fit"; concurrency: number; sequences: number }
  | {
      code: "owned";
      servers: number;
      gpusPerServer: number;
      basis: "fixed" | "horizon-peak" | "today";
      growthToPeak: number;
      capital: number;
      leadTimeWeeks: number;
    };

export type ReplicaCapacity =
  FitCapacity | { fits: false; weightBytes: number; kvBytesPerToken: number; contextTokens: number; doesNotFit: DoesNotFit };

/** Why a model does not fit: the most GPUs one replica may use, and the memory it needs against what they offer. */
export type DoesNotFit = { gpus: number; contextTokens: number; needGb: number; usableGb: number };

/** Output tokens/s of a replica once its share of prefill work is paid for. */
export function effectiveOutputRate(c: FitCapacity, workload: Workload): number {
  if (c.prefillTokensPerS === null) return c.outputTokensPerS;
  return withPrefill(
    c.outputTokensPerS,
    c.prefillTokensPerS,
    workload.inputTokensPerRequest * (1 - workload.selfHostPrefixCacheHitRate),
    workload.outputTokensPerRequest,
  );
}

/** The degrees an option may use: those within one node (unless multi-node is allowed), or the one it fixes. */
export function allowedDegrees(option: SelfHostOption): number[] {
  if (option.tensorParallel !== null) return [option.tensorParallel];
  const limit = option.allowMultiNode ? Number.POSITIVE_INFINITY : option.gpu.gpusPerNode;
  return TENSOR_PARALLEL_DEGREES.filter((t) => t <= limit);
}

/** Sizes a replica at every allowed tensor-parallel degree that holds the weights and one full sequence. */
export function replicaCandidates(
  option: SelfHostOption,
  workload: Workload,
  sloTokensPerS: number,
): { fits: true; candidates: FitCapacity[] } | Extract<ReplicaCapacity, { fits: false }> {
  const W = weightBytes(option);
  const kv = kvBytesPerToken(option);
  const ctx = contextTokens(workload);
  const degrees = allowedDegrees(option);
  const fitting = degrees.filter((t) => t * roomPerGpu(option) >= W + kv * ctx);
  if (fitting.length === 0) {
    const most = degrees[degrees.length - 1];
    return {
      fits: false,
      weightBytes: W,
      kvBytesPerToken: kv,
      contextTokens: ctx,
      doesNotFit: {
        gpus: most,
        contextTokens: ctx,
        needGb: (W + kv * ctx) / BYTES_PER_GB,
        usableGb: (most * roomPerGpu(option)) / BYTES_PER_GB,
      },
    };
  }
  const screened = screenRows(option, workload, sloTokensPerS);
  return { fits: true, candidates: fitting.map((t) => capacityAt(option, workload, sloTokensPerS, t, screened)) };
}

function capacityAt(option: SelfHostOption, workload: Workload, sloTokensPerS: number, t: number, screened: ScreenedRows): FitCapacity {
  const live = liveContextTokens(workload);
  const bMem = sequencesThatFit(option, t, live);
  const picked = pickReference(screened.usable, t);
  const factor = picked ? calibrationFactor(option, picked.row) : 1;
  const rl = roofline(option, t, live, sloTokensPerS, factor);
  const notes: SizingNote[] = [];
  const uncachedInput = workload.inputTokensPerRequest * (1 - workload.selfHostPrefixCacheHitRate);
  const measuredConcurrency = picked ? concurrencyOf(picked.row) : null;
  // A qualifying row at this degree, run at least as loaded as the batch the roofline would
  // schedule, is used as it stands; a lighter run only calibrates (it says little about capacity).
  const direct =
    picked !== null &&
    picked.qualifies &&
    picked.row.tensorParallel === t &&
    measuredConcurrency !== null &&
    measuredConcurrency >= rl.batch;
  const reference: ReferenceRow | null = picked ? { row: picked.row, qualifies: picked.qualifies, factor, direct } : null;
  if (factor < 0.5 || factor > 2) notes.push({ code: "calibration-off", factor });
  if (!rl.meetsSlo && !direct) notes.push({ code: "below-speed-target", perStreamTokensPerS: rl.perStreamTokensPerS, sloTokensPerS });
  if (bMem < MIN_HEALTHY_BATCH) notes.push({ code: "kv-starved", sequences: bMem, tokens: live, tensorParallel: t });
  if (direct && measuredConcurrency! > bMem) notes.push({ code: "measured-above-fit", concurrency: measuredConcurrency!, sequences: bMem });
  // One literal for both paths rather than a spread of a shared object, which V8 copies on its
  // slow path (docs/decisions/0003-engine-speed.md).
  const row = direct ? picked!.row : null;
  return {
    fits: true,
    weightBytes: weightBytes(option),
    kvBytesPerToken: kvBytesPerToken(option),
    contextTokens: contextTokens(workload),
    tensorParallel: t,
    maxSequencesByMemory: bMem,
    roofline: rl,
    reference,
    screened,
    prefillSeconds: uncachedInput / rl.prefillTokensPerS,
    notes,
    throughputPath: row ? "measured" : picked ? "calibrated-roofline" : "roofline",
    batch: row ? measuredConcurrency! : rl.batch,
    batchBoundBy: row ? "measured" : rl.batchBoundBy,
    outputTokensPerS: row ? row.outputTokensPerS : rl.decodeTokensPerS,
    prefillTokensPerS: row ? null : rl.prefillTokensPerS,
    perStreamTokensPerS: row ? 1000 / row.itlP50Ms! : rl.perStreamTokensPerS,
    meetsSlo: row ? true : rl.meetsSlo,
    stepSeconds: row ? row.itlP50Ms! / 1000 : rl.stepSeconds,
  };
}

/** A measured row by its index in the option's benchmarks, as the sizing used it. */
export type RowUse = { row: number; direct: boolean; factor: number; qualifies: boolean };
/** A measured row not used, by index, and why ("other": a usable row that another matched better). */
export type RowRejection = { row: number; reason: RejectReason | "other" };

/** The row a replica rests on and how it was used, and every row not used with the reason, as codes. */
export function throughputRows(c: FitCapacity, option: SelfHostOption): { reference: RowUse | null; rejected: RowRejection[] } {
  const index = (row: Benchmark) => option.benchmarks.indexOf(row);
  const ref = c.reference;
  const rejected: RowRejection[] = c.screened.rejected.map((r) => ({ row: index(r.row), reason: r.reason }));
  for (const s of c.screened.usable) if (s.row !== ref?.row) rejected.push({ row: index(s.row), reason: "other" });
  return {
    reference: ref ? { row: index(ref.row), direct: ref.direct, factor: ref.factor, qualifies: ref.qualifies } : null,
    rejected,
  };
}
