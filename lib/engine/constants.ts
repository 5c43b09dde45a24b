// Every number with a meaning, defined once. Sources beside each.
export const HOURS_PER_DAY = 24;
export const HOURS_PER_MONTH = 730; // 8,760 h / 12, the convention of cloud price sheets
export const DAYS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_DAY;
export const SECONDS_PER_HOUR = 3600;
export const MONTHS_PER_YEAR = 12;
export const WEEKS_PER_YEAR = 52;
export const TOKENS_PER_MILLION = 1e6;
export const BYTES_PER_GB = 1e9;
export const PARAMS_PER_BILLION = 1e9;
export const TERA = 1e12;
export const REQUESTS_PER_THOUSAND = 1000;

/** Share of GPU memory vLLM takes for weights, activations and KV cache (gpu_memory_utilization). */
export const USABLE_MEMORY_SHARE = 0.9;
/** GPU data sheets give HBM capacity in binary units: an "80 GB" H100 reports 80 GiB. */
export const BYTES_PER_GPU_MEMORY_GB = 2 ** 30;
/** Memory kept per GPU for activations and CUDA graphs before the KV cache is sized (fitted, see calibration). */
export const ACTIVATION_RESERVE_BYTES = 0.5 * 2 ** 30;
/** Tensor-parallel degrees tried; degrees above the offer's GPUs per node need multi-node serving. */
export const TENSOR_PARALLEL_DEGREES = [1, 2, 4, 8, 16, 32, 64] as const;
/** Largest batch a server schedules: 512 sequences on 80 GB-class GPUs and larger, 256 below. */
export const MAX_BATCH_LARGE_GPU = 512;
export const MAX_BATCH_SMALL_GPU = 256;
export const LARGE_GPU_MEMORY_GB = 80;
/**
 * Efficiencies fall with tensor parallelism, η(t) = η(1)·t^(−α): all-reduce traffic and
 * synchronisation grow with the degree. α is fitted on published serving measurements
 * (docs/decisions/0002-roofline-calibration.md).
 */
export const TP_EFFICIENCY_EXPONENT = 0.2;
/** Below this many sequences a replica is starved of KV memory and the result warns. */
export const MIN_HEALTHY_BATCH = 16;
/** Two FLOPs per parameter per token (multiply + add) in a forward pass. */
export const FLOPS_PER_PARAM_PER_TOKEN = 2;
/** K and V: two tensors per layer in the KV cache. */
export const KV_TENSORS = 2;

export const BYTES_PER_PARAM = { bf16: 2, fp8: 1, int4: 0.5 } as const;
export const BYTES_PER_KV_VALUE = { bf16: 2, fp8: 1 } as const;

/** Upper end of the breakeven search: above this volume the answer is "not reached". */
export const BREAKEVEN_MAX_TOKENS_PER_MONTH = 1e13;
