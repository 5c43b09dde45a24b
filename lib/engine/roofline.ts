// The roofline estimate of one replica (DESIGN.md "Self-host sizing", second edition): weight and
// KV memory, the sequences that fit, and the decode step and prefill rate with efficiencies that
// fall with the tensor-parallel degree.
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
  PARAMS_PER_BILLION,
  TERA,
  TP_EFFICIENCY_EXPONENT,
  USABLE_MEMORY_SHARE,
} from "./constants";
import type { SelfHostOption, Workload } from "./schema";

export type Roofline = {
  stepSeconds: number;
  batch: number;
  batchBoundBy: "memory" | "latency" | "scheduler";
  latencyCap: number | null;
  decodeTokensPerS: number;
  prefillTokensPerS: number;
  perStreamTokensPerS: number;
  meetsSlo: boolean;
};

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
export function roomPerGpu(option: SelfHostOption): number {
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
 * `factor` is a benchmark/estimate ratio (1 for the plain roofline); an SLO of 0 sets no latency cap.
 */
export function roofline(
  option: SelfHostOption,
  t: number,
  liveContext: number,
  sloTokensPerS: number,
  factor = 1,
  limit = Number.POSITIVE_INFINITY,
): Roofline {
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
export function withPrefill(
  decodeTokensPerS: number,
  prefillTokensPerS: number,
  uncachedInputTokens: number,
  outputTokens: number,
): number {
  return 1 / (1 / decodeTokensPerS + uncachedInputTokens / outputTokens / prefillTokensPerS);
}
