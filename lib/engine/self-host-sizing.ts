// Self-host sizing (DESIGN.md "Self-host sizing" and "The cost engine, second edition"): memory,
// the tensor-parallel degrees that fit, the batch that fits and meets the speed target, and the
// throughput of one replica — measured, a roofline calibrated on a measured row, or the plain
// roofline — with the path and the reasons for every row that was not used.
import {
  ACTIVATION_RESERVE_BYTES,
  BYTES_PER_GPU_MEMORY_GB,
  BYTES_PER_GB,
  BYTES_PER_KV_VALUE,
  BYTES_PER_PARAM,
  FLOPS_PER_PARAM_PER_TOKEN,
  KV_TENSORS,
  LARGE_GPU_MEMORY_GB,
  MAX_BATCH_LARGE_GPU,
  MAX_BATCH_SMALL_GPU,
  MIN_HEALTHY_BATCH,
  PARAMS_PER_BILLION,
  TENSOR_PARALLEL_DEGREES,
  TERA,
  TP_EFFICIENCY_EXPONENT,
  USABLE_MEMORY_SHARE,
} from "./constants";
import type { Benchmark, SelfHostOption, Workload } from "./schema";
import { groupDigits } from "./text";

export type BatchBound = "memory" | "latency" | "scheduler" | "measured";
export type ThroughputPath = "measured" | "calibrated-roofline" | "roofline";

export type Roofline = {
  stepSeconds: number;
  batch: number;
  batchBoundBy: Exclude<BatchBound, "measured">;
  latencyCap: number | null;
  decodeTokensPerS: number;
  prefillTokensPerS: number;
  perStreamTokensPerS: number;
  meetsSlo: boolean;
};

/** The measured row a replica's throughput rests on, and how it was used. */
export type ReferenceRow = { row: Benchmark; qualifies: boolean; factor: number; describe: string };

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
  rejectedRows: string[];
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
  notes: string[];
};

export type ReplicaCapacity = FitCapacity | { fits: false; weightBytes: number; kvBytesPerToken: number; contextTokens: number; reason: string };

export function weightBytes(option: SelfHostOption): number {
  return option.model.totalParamsB * PARAMS_PER_BILLION * BYTES_PER_PARAM[option.weightPrecision];
}

/**
 * KV bytes per token. Grouped-query: 2 · layers · kvHeads · headDim · bytes (K and V per layer;
 * vLLM docs). Latent attention: layers · (kv_lora_rank + rope dims) · bytes (one compressed
 * latent per layer; DeepSeek-V3 report §2.1.1). Override: as entered.
 */
export function kvBytesPerToken(option: SelfHostOption): number {
  const m = option.model;
  const bytes = BYTES_PER_KV_VALUE[option.kvPrecision];
  switch (m.kvCache.kind) {
    case "latent":
      return m.layers * (m.kvCache.kvLoraRank + m.kvCache.ropeHeadDim) * bytes;
    case "override":
      return m.kvCache.bytesPerToken;
    default:
      return KV_TENSORS * m.layers * m.kvHeads * m.headDim * bytes;
  }
}

/** FP8 weights run on FP8 tensor cores where the GPU has them; int4 is weight-only (16-bit math). */
export function effectiveTflops(option: SelfHostOption): number {
  return option.weightPrecision === "fp8" && option.gpu.fp8Tflops ? option.gpu.fp8Tflops : option.gpu.bf16Tflops;
}

/** The longest a sequence gets: it must fit at its final length. */
export function contextTokens(workload: Workload): number {
  return workload.avgContextTokens ?? workload.inputTokensPerRequest + workload.outputTokensPerRequest;
}

/**
 * The context a sequence holds on average while it decodes: the prompt plus half the answer.
 * A paged KV cache holds only the tokens so far, so occupancy and the bytes read per step follow
 * this mean, not the final length.
 */
export function liveContextTokens(workload: Workload): number {
  return workload.avgContextTokens ?? workload.inputTokensPerRequest + workload.outputTokensPerRequest / 2;
}

/** Bytes per GPU left for weights and KV cache: the usable share less the activation reserve. */
function roomPerGpu(option: SelfHostOption): number {
  return option.gpu.memoryGb * BYTES_PER_GPU_MEMORY_GB * USABLE_MEMORY_SHARE - ACTIVATION_RESERVE_BYTES;
}

export function maxBatch(option: SelfHostOption): number {
  return option.gpu.memoryGb >= LARGE_GPU_MEMORY_GB ? MAX_BATCH_LARGE_GPU : MAX_BATCH_SMALL_GPU;
}

export function sequencesThatFit(option: SelfHostOption, t: number, liveContext: number): number {
  return Math.max(0, Math.floor((t * roomPerGpu(option) - weightBytes(option)) / (kvBytesPerToken(option) * liveContext)));
}

/**
 *   η(t)     = η(1) · t^(−α)                                     for ηbw, ηmfu and ηmfu_prefill
 *   step(B)  = max( (W + B·ctx·KVtok) / (t·BW·ηbw(t)),  2·Na·B / (t·F·ηmfu(t)) ) / factor
 *   B        = min(Bmem, Blat, cap, limit), Blat = largest B with 1/step(B) ≥ SLO
 *   prefill  = t·F·ηmfu_prefill(t)·factor / (2·Na)
 * `factor` is a measured/estimated ratio (1 for the plain roofline); an SLO of 0 sets no latency cap.
 */
export function roofline(option: SelfHostOption, t: number, liveContext: number, sloTokensPerS: number, factor = 1, limit = Number.POSITIVE_INFINITY): Roofline {
  const W = weightBytes(option);
  const kv = kvBytesPerToken(option);
  const eta = Math.pow(t, -TP_EFFICIENCY_EXPONENT);
  const bw = t * option.gpu.bandwidthGbS * BYTES_PER_GB * option.efficiencies.bandwidth * eta;
  const flops = t * effectiveTflops(option) * TERA;
  const na = option.model.activeParamsB * PARAMS_PER_BILLION;
  const memFixed = W / bw;
  const memPerSeq = (liveContext * kv) / bw;
  const computePerSeq = (FLOPS_PER_PARAM_PER_TOKEN * na) / (flops * option.efficiencies.mfu * eta);
  const step = (b: number) => Math.max(memFixed + memPerSeq * b, computePerSeq * b) / factor;
  const bMem = sequencesThatFit(option, t, liveContext);
  const cap = Math.min(maxBatch(option), limit);
  let batch = Math.max(1, Math.min(bMem, cap));
  let batchBoundBy: Roofline["batchBoundBy"] = bMem < cap ? "memory" : "scheduler";
  let latencyCap: number | null = null;
  if (sloTokensPerS > 0) {
    const budget = factor / sloTokensPerS;
    latencyCap = Math.max(0, Math.floor(Math.min((budget - memFixed) / memPerSeq, budget / computePerSeq)));
    if (latencyCap < batch) {
      batch = Math.max(1, latencyCap);
      batchBoundBy = "latency";
    }
  }
  const stepSeconds = step(batch);
  return {
    stepSeconds,
    batch,
    batchBoundBy,
    latencyCap,
    decodeTokensPerS: batch / stepSeconds,
    prefillTokensPerS: (flops * option.efficiencies.prefillMfu * eta * factor) / (FLOPS_PER_PARAM_PER_TOKEN * na),
    perStreamTokensPerS: 1 / stepSeconds,
    meetsSlo: sloTokensPerS <= 0 || 1 / stepSeconds >= sloTokensPerS * (1 - 1e-9),
  };
}

/** Output tokens/s once each answer's share of prefill work is paid for (prefill and decode share the GPUs). */
export function withPrefill(decodeTokensPerS: number, prefillTokensPerS: number, uncachedInputTokens: number, outputTokens: number): number {
  return 1 / (1 / decodeTokensPerS + uncachedInputTokens / outputTokens / prefillTokensPerS);
}

/** Output tokens/s of a replica once its share of prefill work is paid for. */
export function effectiveOutputRate(c: FitCapacity, workload: Workload): number {
  if (c.prefillTokensPerS === null) return c.outputTokensPerS;
  return withPrefill(c.outputTokensPerS, c.prefillTokensPerS, workload.inputTokensPerRequest * (1 - workload.selfHostPrefixCacheHitRate), workload.outputTokensPerRequest);
}

const SHAPE_TOLERANCE = 2; // a row's input and output lengths within ×2 of the workload's

/** Concurrency of a run: as stated, or by Little's law from its request rate and latencies. */
function concurrencyOf(b: Benchmark): number | null {
  if (b.concurrency !== null) return b.concurrency;
  if (b.requestsPerS === null || b.ttftMs === null || b.itlP50Ms === null || b.outputTokens === null) return null;
  return Math.max(1, Math.round((b.requestsPerS * (b.ttftMs + b.outputTokens * b.itlP50Ms)) / 1000));
}

function rowName(b: Benchmark): string {
  const shape = b.inputTokens !== null && b.outputTokens !== null ? `${groupDigits(b.inputTokens)} in / ${groupDigits(b.outputTokens)} out` : "unstated shape";
  const load = b.concurrency !== null ? `${groupDigits(b.concurrency)} concurrent` : b.requestsPerS !== null ? `${b.requestsPerS} requests/s` : "full load";
  return `${b.source}${b.stack ? `, ${b.stack}` : ""} (TP ${b.tensorParallel}, ${b.precision}, ${shape}, ${load}, ${groupDigits(b.outputTokensPerS)} tokens/s)`;
}

type Screened = { row: Benchmark; qualifies: boolean; shapeDistance: number };

/**
 * Rows of another precision, of a shape beyond ×2 of the workload's, or whose median inter-token
 * latency misses the speed target are rejected, each with its reason. A row with a latency that
 * meets the target qualifies; a row without one is a saturation figure, used only to calibrate.
 */
export function screenRows(option: SelfHostOption, workload: Workload, sloTokensPerS: number): { usable: Screened[]; rejected: string[] } {
  const ti = Math.max(1, workload.inputTokensPerRequest);
  const to = Math.max(1, workload.outputTokensPerRequest);
  const usable: Screened[] = [];
  const rejected: string[] = [];
  for (const row of option.benchmarks) {
    if (row.precision !== option.weightPrecision) {
      rejected.push(`${rowName(row)}: measured at ${row.precision}, this option runs ${option.weightPrecision}.`);
      continue;
    }
    if (row.inputTokens === null || row.outputTokens === null) {
      rejected.push(`${rowName(row)}: its input and output lengths are not stated, so it cannot be compared with this workload.`);
      continue;
    }
    const di = Math.abs(Math.log(Math.max(1, row.inputTokens) / ti));
    const dout = Math.abs(Math.log(row.outputTokens / to));
    if (di > Math.log(SHAPE_TOLERANCE) || dout > Math.log(SHAPE_TOLERANCE)) {
      rejected.push(`${rowName(row)}: its shape is not within ×${SHAPE_TOLERANCE} of this workload's ${groupDigits(ti)} in / ${groupDigits(to)} out.`);
      continue;
    }
    const shapeDistance = di + dout;
    if (row.itlP50Ms !== null && 1000 / row.itlP50Ms < sloTokensPerS * (1 - 1e-9)) {
      rejected.push(`${rowName(row)}: its median inter-token latency of ${row.itlP50Ms} ms is slower than the speed target (${groupDigits(1000 / sloTokensPerS, 1)} ms).`);
      continue;
    }
    usable.push({ row, qualifies: row.itlP50Ms !== null, shapeDistance });
  }
  return { usable, rejected };
}

/**
 * The row a degree's throughput rests on: a qualifying row at this degree, else a qualifying row
 * at the nearest other degree, else a saturation row (same order); nearest shape, then the
 * highest load.
 */
function pickReference(usable: Screened[], t: number): Screened | null {
  const rank = (s: Screened) => [s.qualifies ? 0 : 1, s.row.tensorParallel === t ? 0 : 1, Math.abs(Math.log(s.row.tensorParallel / t)), s.shapeDistance, -(concurrencyOf(s.row) ?? Infinity)];
  const before = (a: number[], b: number[]) => {
    const i = a.findIndex((v, k) => v !== b[k]);
    return i >= 0 && a[i] < b[i];
  };
  let best: Screened | null = null;
  for (const s of usable) if (!best || before(rank(s), rank(best))) best = s;
  return best;
}

/** Measured rate over the roofline's estimate of the same run (its degree, shape and load). */
function calibrationFactor(option: SelfHostOption, row: Benchmark): number {
  const input = row.inputTokens ?? 0;
  const output = row.outputTokens ?? 1;
  const rl = roofline(option, row.tensorParallel, input + output / 2, 0, 1, concurrencyOf(row) ?? Number.POSITIVE_INFINITY);
  // Benchmark prompts are synthetic and share no prefix: the run paid for every prompt token.
  return row.outputTokensPerS / withPrefill(rl.decodeTokensPerS, rl.prefillTokensPerS, input, output);
}

/** The degrees an option may use: those within one node (unless multi-node is allowed), or the one it fixes. */
export function allowedDegrees(option: SelfHostOption): number[] {
  if (option.tensorParallel !== null) return [option.tensorParallel];
  const limit = option.allowMultiNode ? Number.POSITIVE_INFINITY : option.gpu.gpusPerNode;
  return TENSOR_PARALLEL_DEGREES.filter((t) => t <= limit);
}

/** Sizes a replica at every allowed tensor-parallel degree that holds the weights and one full sequence. */
export function replicaCandidates(option: SelfHostOption, workload: Workload, sloTokensPerS: number): { fits: true; candidates: FitCapacity[] } | Extract<ReplicaCapacity, { fits: false }> {
  const W = weightBytes(option);
  const kv = kvBytesPerToken(option);
  const ctx = contextTokens(workload);
  const degrees = allowedDegrees(option);
  const fitting = degrees.filter((t) => t * roomPerGpu(option) >= W + kv * ctx);
  if (fitting.length === 0) {
    const most = degrees[degrees.length - 1];
    const need = (W + kv * ctx) / BYTES_PER_GB;
    return {
      fits: false,
      weightBytes: W,
      kvBytesPerToken: kv,
      contextTokens: ctx,
      reason: `Does not fit ${most} × ${option.gpu.gpuType}${option.allowMultiNode ? "" : " (one node)"}: weights plus one ${groupDigits(ctx)}-token sequence need ${need.toFixed(0)} GB, ${((most * roomPerGpu(option)) / BYTES_PER_GB).toFixed(0)} GB are usable.`,
    };
  }
  const screened = screenRows(option, workload, sloTokensPerS);
  return { fits: true, candidates: fitting.map((t) => capacityAt(option, workload, sloTokensPerS, t, screened)) };
}

function capacityAt(option: SelfHostOption, workload: Workload, sloTokensPerS: number, t: number, screened: ReturnType<typeof screenRows>): FitCapacity {
  const live = liveContextTokens(workload);
  const bMem = sequencesThatFit(option, t, live);
  const picked = pickReference(screened.usable, t);
  const factor = picked ? calibrationFactor(option, picked.row) : 1;
  const rl = roofline(option, t, live, sloTokensPerS, factor);
  const notes: string[] = [];
  const rejectedRows = [...screened.rejected];
  const uncachedInput = workload.inputTokensPerRequest * (1 - workload.selfHostPrefixCacheHitRate);
  const measuredConcurrency = picked ? concurrencyOf(picked.row) : null;
  // A qualifying row at this degree, run at least as loaded as the batch the roofline would
  // schedule, is used as measured; a lighter run only calibrates (it says little about capacity).
  const direct = picked !== null && picked.qualifies && picked.row.tensorParallel === t && measuredConcurrency !== null && measuredConcurrency >= rl.batch;
  let reference: ReferenceRow | null = null;
  if (picked) {
    const how = direct
      ? "used as measured"
      : `the roofline scaled by its measured/estimated ratio ${factor.toFixed(2)}${picked.qualifies ? "" : " (a saturation figure: no latency was measured)"}`;
    reference = { row: picked.row, qualifies: picked.qualifies, factor, describe: `${rowName(picked.row)}, ${how}` };
    if (factor < 0.5 || factor > 2) notes.push(`The measured row is ${factor.toFixed(2)}× the roofline's estimate of the same run: check its settings.`);
    for (const s of screened.usable) if (s !== picked) rejectedRows.push(`${rowName(s.row)}: another row matches better.`);
  }
  if (!rl.meetsSlo && !direct) notes.push(`Even at batch 1 a stream gets ${rl.perStreamTokensPerS.toFixed(1)} tokens/s, below the ${sloTokensPerS} tokens/s speed target.`);
  if (bMem < MIN_HEALTHY_BATCH) notes.push(`Room for only ${bMem} ${bMem === 1 ? "sequence" : "sequences"} of ${groupDigits(live)} tokens per replica at tensor parallel ${t}: the KV cache is starved and throughput is fragile.`);
  if (direct && measuredConcurrency! > bMem) {
    notes.push(`The measured run held ${groupDigits(measuredConcurrency!)} concurrent requests, more than the ${groupDigits(bMem)} sequences of this workload's length that fit: its figure may not hold here.`);
  }
  const prefillSeconds = uncachedInput / rl.prefillTokensPerS;
  if (direct) {
    const row = picked!.row;
    return {
      fits: true,
      weightBytes: weightBytes(option),
      kvBytesPerToken: kvBytesPerToken(option),
      contextTokens: contextTokens(workload),
      tensorParallel: t,
      maxSequencesByMemory: bMem,
      roofline: rl,
      throughputPath: "measured",
      reference,
      rejectedRows,
      batch: measuredConcurrency!,
      batchBoundBy: "measured",
      outputTokensPerS: row.outputTokensPerS,
      prefillTokensPerS: null,
      perStreamTokensPerS: 1000 / row.itlP50Ms!,
      meetsSlo: true,
      prefillSeconds,
      stepSeconds: row.itlP50Ms! / 1000,
      notes,
    };
  }
  return {
    fits: true,
    weightBytes: weightBytes(option),
    kvBytesPerToken: kvBytesPerToken(option),
    contextTokens: contextTokens(workload),
    tensorParallel: t,
    maxSequencesByMemory: bMem,
    roofline: rl,
    throughputPath: picked ? "calibrated-roofline" : "roofline",
    reference,
    rejectedRows,
    batch: rl.batch,
    batchBoundBy: rl.batchBoundBy,
    outputTokensPerS: rl.decodeTokensPerS,
    prefillTokensPerS: rl.prefillTokensPerS,
    perStreamTokensPerS: rl.perStreamTokensPerS,
    meetsSlo: rl.meetsSlo,
    prefillSeconds,
    stepSeconds: rl.stepSeconds,
    notes,
  };
}
