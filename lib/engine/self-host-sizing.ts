// Self-host sizing (DESIGN.md "Self-host sizing"): memory, tensor-parallel degree, the batch that
// fits and meets the latency SLO, and the throughput of one replica, measured or estimated.
import { groupDigits } from "./text";
import {
  BYTES_PER_GB,
  BYTES_PER_KV_VALUE,
  BYTES_PER_PARAM,
  FLOPS_PER_PARAM_PER_TOKEN,
  KV_TENSORS,
  MAX_BATCH,
  PARAMS_PER_BILLION,
  TENSOR_PARALLEL_DEGREES,
  TERA,
  USABLE_MEMORY_SHARE,
} from "./constants";
import type { Benchmark, SelfHostOption, Workload } from "./schema";

export type BatchBound = "memory" | "latency" | "scheduler";

export type Roofline = {
  stepSeconds: number;
  batch: number;
  batchBoundBy: BatchBound;
  latencyCap: number | null;
  decodeTokensPerS: number;
  prefillTokensPerS: number;
  perStreamTokensPerS: number;
  meetsSlo: boolean;
};

export type ReplicaCapacity =
  | {
      fits: true;
      weightBytes: number;
      kvBytesPerToken: number;
      contextTokens: number;
      tensorParallel: number;
      maxSequencesByMemory: number;
      roofline: Roofline;
      throughputSource: "benchmark" | "roofline";
      benchmark: (Benchmark & { why: string }) | null;
      /** Output tokens/s of one replica with prefill included (benchmark) or decode only (roofline). */
      outputTokensPerS: number;
      /** Uncached prefill tokens/s of one replica; null when the benchmark already includes prefill. */
      prefillTokensPerS: number | null;
      perStreamTokensPerS: number;
      ttftMs: number;
      notes: string[];
    }
  | { fits: false; weightBytes: number; kvBytesPerToken: number; contextTokens: number; reason: string };

export function weightBytes(option: SelfHostOption): number {
  return option.model.totalParamsB * PARAMS_PER_BILLION * BYTES_PER_PARAM[option.weightPrecision];
}

// KV bytes per token = 2 · layers · kvHeads · headDim · bytes (K and V per layer; vLLM docs).
export function kvBytesPerToken(option: SelfHostOption): number {
  const m = option.model;
  return KV_TENSORS * m.layers * m.kvHeads * m.headDim * BYTES_PER_KV_VALUE[option.kvPrecision];
}

/** FP8 weights run on FP8 tensor cores where the GPU has them; int4 is weight-only (16-bit math). */
export function effectiveTflops(option: SelfHostOption): number {
  return option.weightPrecision === "fp8" && option.gpu.fp8Tflops ? option.gpu.fp8Tflops : option.gpu.bf16Tflops;
}

export function contextTokens(workload: Workload): number {
  return workload.avgContextTokens ?? workload.inputTokensPerRequest + workload.outputTokensPerRequest;
}

/**
 *   step(B) = max( (W + B·ctx·KVtok) / (t·BW·ηbw), 2·Na·1e9·B / (t·F·ηmfu) )
 *   B = min(Bmem, Blat, 256), Blat = largest B with 1/step(B) ≥ SLO
 * Both terms are linear in B, so Blat has a closed form.
 */
export function roofline(option: SelfHostOption, t: number, bMem: number, ctx: number, sloTokensPerS: number, throughputFactor = 1): Roofline {
  const W = weightBytes(option);
  const kv = kvBytesPerToken(option);
  const bw = t * option.gpu.bandwidthGbS * BYTES_PER_GB * option.efficiencies.bandwidth;
  const flops = t * effectiveTflops(option) * TERA;
  const na = option.model.activeParamsB * PARAMS_PER_BILLION;
  const memFixed = W / bw;
  const memPerSeq = (ctx * kv) / bw;
  const computePerSeq = (FLOPS_PER_PARAM_PER_TOKEN * na) / (flops * option.efficiencies.mfu);
  const step = (b: number) => Math.max(memFixed + memPerSeq * b, computePerSeq * b) / throughputFactor;
  const budget = (1 / sloTokensPerS) * throughputFactor;
  const latencyCap = Math.floor(Math.min((budget - memFixed) / memPerSeq, budget / computePerSeq));
  let batch = Math.min(bMem, MAX_BATCH);
  let batchBoundBy: BatchBound = bMem < MAX_BATCH ? "memory" : "scheduler";
  if (latencyCap < batch) {
    batch = Math.max(1, latencyCap);
    batchBoundBy = "latency";
  }
  const stepSeconds = step(batch);
  return {
    stepSeconds,
    batch,
    batchBoundBy,
    latencyCap: Number.isFinite(latencyCap) ? Math.max(0, latencyCap) : null,
    decodeTokensPerS: batch / stepSeconds,
    prefillTokensPerS: (flops * option.efficiencies.prefillMfu * throughputFactor) / (FLOPS_PER_PARAM_PER_TOKEN * na),
    perStreamTokensPerS: 1 / stepSeconds,
    meetsSlo: 1 / stepSeconds >= sloTokensPerS * (1 - 1e-9),
  };
}

const SHAPE_TOLERANCE = 2; // a benchmark's input and output lengths within ×2 of the workload's

function streamRate(b: Benchmark): number {
  return b.itlP50Ms ? 1000 / b.itlP50Ms : b.outputTokensPerS / b.concurrency;
}

/**
 * The measured row to trust: same precision and tensor-parallel degree, per-stream speed that
 * meets the SLO, workload shape within ×2 when the row states one (nearest shape first), then
 * the highest concurrency. Null when no row qualifies (the roofline is used instead).
 */
export function pickBenchmark(option: SelfHostOption, workload: Workload, t: number, sloTokensPerS: number): (Benchmark & { why: string }) | null {
  const ti = Math.max(1, workload.inputTokensPerRequest);
  const to = Math.max(1, workload.outputTokensPerRequest);
  let best: { row: Benchmark; distance: number } | null = null;
  for (const row of option.benchmarks) {
    if (row.precision !== option.weightPrecision || row.tensorParallel !== t) continue;
    if (streamRate(row) < sloTokensPerS) continue;
    let distance = Number.POSITIVE_INFINITY;
    if (row.inputTokens != null && row.outputTokens != null) {
      const di = Math.abs(Math.log(Math.max(1, row.inputTokens) / ti));
      const dout = Math.abs(Math.log(row.outputTokens / to));
      if (di > Math.log(SHAPE_TOLERANCE) || dout > Math.log(SHAPE_TOLERANCE)) continue;
      distance = di + dout;
    }
    if (!best || distance < best.distance || (distance === best.distance && row.concurrency > best.row.concurrency)) {
      best = { row, distance };
    }
  }
  if (!best) return null;
  const shape = best.row.inputTokens != null ? `${best.row.inputTokens} in / ${best.row.outputTokens} out` : "unstated shape";
  return { ...best.row, why: `${shape}, ${best.row.concurrency} concurrent streams at ${streamRate(best.row).toFixed(0)} tokens/s each` };
}

/**
 * Sizes a replica at every tensor-parallel degree that fits one node. DESIGN.md takes the smallest
 * degree that fits; the caller (evaluate.ts) prices each candidate and keeps the cheapest at the
 * scenario's volume, because the smallest fit often leaves almost no room for KV cache (a 70B fp8
 * model on one 80 GB GPU holds about 4 sequences of 2k tokens) while more GPUs per replica can
 * cost more at low volume (minimum and failover replicas are whole replicas).
 */
export function replicaCandidates(option: SelfHostOption, workload: Workload, sloTokensPerS: number): { fits: true; candidates: FitCapacity[] } | Extract<ReplicaCapacity, { fits: false }> {
  const W = weightBytes(option);
  const kv = kvBytesPerToken(option);
  const ctx = contextTokens(workload);
  const usable = option.gpu.memoryGb * BYTES_PER_GB * USABLE_MEMORY_SHARE;
  const fitting = TENSOR_PARALLEL_DEGREES.filter((deg) => deg * usable >= W + kv * ctx);
  if (fitting.length === 0) {
    const need = (W + kv * ctx) / BYTES_PER_GB;
    return {
      fits: false,
      weightBytes: W,
      kvBytesPerToken: kv,
      contextTokens: ctx,
      reason: `Does not fit one 8-GPU node: weights plus one ${groupDigits(ctx)}-token sequence need ${need.toFixed(0)} GB, 8 × ${option.gpu.gpuType} give ${((8 * usable) / BYTES_PER_GB).toFixed(0)} GB usable.`,
    };
  }
  return { fits: true, candidates: fitting.map((t) => capacityAt(option, workload, sloTokensPerS, t)) };
}

/** The smallest degree that fits, as DESIGN.md states it (used where no price is at hand). */
export function replicaCapacity(option: SelfHostOption, workload: Workload, sloTokensPerS: number): ReplicaCapacity {
  const c = replicaCandidates(option, workload, sloTokensPerS);
  return c.fits ? c.candidates[0] : c;
}

type FitCapacity = Extract<ReplicaCapacity, { fits: true }>;

/** Output tokens/s of a replica once its share of prefill work is paid for. */
export function effectiveOutputRate(c: FitCapacity, workload: Workload): number {
  if (c.prefillTokensPerS === null) return c.outputTokensPerS;
  const prefillPerOutput = (workload.inputTokensPerRequest * (1 - workload.selfHostPrefixCacheHitRate)) / workload.outputTokensPerRequest;
  return 1 / (1 / c.outputTokensPerS + prefillPerOutput / c.prefillTokensPerS);
}

function capacityAt(option: SelfHostOption, workload: Workload, sloTokensPerS: number, t: number): FitCapacity {
  const W = weightBytes(option);
  const kv = kvBytesPerToken(option);
  const ctx = contextTokens(workload);
  const usable = option.gpu.memoryGb * BYTES_PER_GB * USABLE_MEMORY_SHARE;
  const bMem = Math.floor((t * usable - W) / (kv * ctx));
  const rl = roofline(option, t, bMem, ctx, sloTokensPerS);
  const bench = pickBenchmark(option, workload, t, sloTokensPerS);
  const notes: string[] = [];
  if (!rl.meetsSlo && !bench) notes.push(`Even at batch 1 a stream gets ${rl.perStreamTokensPerS.toFixed(1)} tokens/s, below the ${sloTokensPerS} tokens/s SLO.`);
  const hs = workload.selfHostPrefixCacheHitRate;
  const prefillMs = ((workload.inputTokensPerRequest * (1 - hs)) / rl.prefillTokensPerS) * 1000;
  const ttftMs = (bench?.ttftMs ?? prefillMs + rl.stepSeconds * 1000) + option.inNetworkRttMs;
  return {
    fits: true,
    weightBytes: W,
    kvBytesPerToken: kv,
    contextTokens: ctx,
    tensorParallel: t,
    maxSequencesByMemory: bMem,
    roofline: rl,
    notes,
    throughputSource: bench ? "benchmark" : "roofline",
    benchmark: bench,
    outputTokensPerS: bench ? bench.outputTokensPerS : rl.decodeTokensPerS,
    prefillTokensPerS: bench ? null : rl.prefillTokensPerS,
    perStreamTokensPerS: bench ? streamRate(bench) : rl.perStreamTokensPerS,
    ttftMs,
  };
}
