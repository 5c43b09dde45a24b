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

/** Share of GPU memory vLLM takes for weights + KV cache by default (gpu_memory_utilization). */
export const USABLE_MEMORY_SHARE = 0.9;
/** Tensor-parallel degrees tried, within one 8-GPU node. */
export const TENSOR_PARALLEL_DEGREES = [1, 2, 4, 8] as const;
/** vLLM's default max_num_seqs: the scheduler never batches more sequences than this. */
export const MAX_BATCH = 256;
/** Two FLOPs per parameter per token (multiply + add) in a forward pass. */
export const FLOPS_PER_PARAM_PER_TOKEN = 2;
/** K and V: two tensors per layer in the KV cache. */
export const KV_TENSORS = 2;

export const BYTES_PER_PARAM = { bf16: 2, fp8: 1, int4: 0.5 } as const;
export const BYTES_PER_KV_VALUE = { bf16: 2, fp8: 1 } as const;

/** Upper end of the breakeven search: above this volume the answer is "not reached". */
export const BREAKEVEN_MAX_TOKENS_PER_MONTH = 1e13;
