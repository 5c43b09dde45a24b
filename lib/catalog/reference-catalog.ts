// The reference price catalog seeded on first start: figures from DESIGN.md "Reference figures",
// each row with its source and the date it was checked. Check dates before publishing a catalog.

export const REFERENCE_CATALOG_LABEL = "2026-09 reference";
export const REFERENCE_EFFECTIVE_DATE = "2026-09-25";
const CHECKED = new Date("2026-09-25T00:00:00Z");
const GPU_PRICES_SOURCE = "https://github.com/tgarg01/silybench-data (gpu_prices.csv)";

type Api = {
  provider: string;
  model: string;
  inputPerM: number;
  cachedInputPerM: number | null;
  cacheWritePerM?: number | null;
  outputPerM: number;
  batchDiscount: number | null;
  sourceUrl: string;
  certifications?: string[];
  zeroDataRetention?: boolean | null;
  dataRegions?: string[];
  typicalTtftMs?: number | null;
};

// $ per 1M tokens (input / cached input / output). Batch APIs: about 50% off where offered.
// Certifications and regions are left unverified (empty / null) unless stated by the provider's
// trust page; the engine treats unknown as "not verified", never as satisfied.
export const REFERENCE_API_PRICES: Api[] = [
  {
    provider: "DeepSeek",
    model: "DeepSeek V3",
    inputPerM: 0.27,
    cachedInputPerM: 0.07,
    outputPerM: 1.1,
    batchDiscount: null,
    sourceUrl: "https://api-docs.deepseek.com/quick_start/pricing",
  },
  {
    provider: "OpenAI",
    model: "GPT-4o-mini",
    inputPerM: 0.15,
    cachedInputPerM: 0.075,
    outputPerM: 0.6,
    batchDiscount: 0.5,
    sourceUrl: "https://openai.com/api/pricing/",
  },
  {
    provider: "OpenAI",
    model: "GPT-4o",
    inputPerM: 2.5,
    cachedInputPerM: 1.25,
    outputPerM: 10,
    batchDiscount: 0.5,
    sourceUrl: "https://openai.com/api/pricing/",
  },
  {
    provider: "OpenAI",
    model: "GPT-4.1",
    inputPerM: 2,
    cachedInputPerM: 0.5,
    outputPerM: 8,
    batchDiscount: 0.5,
    sourceUrl: "https://openai.com/api/pricing/",
  },
  {
    provider: "OpenAI",
    model: "GPT-5",
    inputPerM: 1.25,
    cachedInputPerM: 0.125,
    outputPerM: 10,
    batchDiscount: 0.5,
    sourceUrl: "https://openai.com/api/pricing/",
  },
  {
    provider: "OpenAI",
    model: "GPT-5 mini",
    inputPerM: 0.25,
    cachedInputPerM: 0.025,
    outputPerM: 2,
    batchDiscount: 0.5,
    sourceUrl: "https://openai.com/api/pricing/",
  },
  {
    provider: "Anthropic",
    model: "Claude Sonnet 4.5",
    inputPerM: 3,
    cachedInputPerM: 0.3,
    cacheWritePerM: 3.75,
    outputPerM: 15,
    batchDiscount: 0.5,
    sourceUrl: "https://www.anthropic.com/pricing#api",
  },
  {
    provider: "Anthropic",
    model: "Claude Haiku 4.5",
    inputPerM: 1,
    cachedInputPerM: 0.1,
    cacheWritePerM: 1.25,
    outputPerM: 5,
    batchDiscount: 0.5,
    sourceUrl: "https://www.anthropic.com/pricing#api",
  },
  {
    provider: "Google",
    model: "Gemini 2.5 Flash",
    inputPerM: 0.3,
    cachedInputPerM: 0.03,
    outputPerM: 2.5,
    batchDiscount: 0.5,
    sourceUrl: "https://ai.google.dev/gemini-api/docs/pricing",
  },
  {
    provider: "Together",
    model: "Llama 3.3 70B",
    inputPerM: 0.88,
    cachedInputPerM: null,
    outputPerM: 0.88,
    batchDiscount: 0.5,
    sourceUrl: "https://www.together.ai/pricing",
  },
  {
    provider: "Groq",
    model: "Llama 3.1 8B",
    inputPerM: 0.05,
    cachedInputPerM: null,
    outputPerM: 0.08,
    batchDiscount: 0.5,
    sourceUrl: "https://groq.com/pricing",
  },
];

type Gpu = { gpuType: string; memoryGb: number; bandwidthGbS: number; bf16Tflops: number; fp8Tflops: number | null };

// Dense (no sparsity) peak figures from NVIDIA's data sheets.
export const GPU_SPECS: Record<string, Gpu & { specSource: string }> = {
  "H100 SXM": {
    gpuType: "H100 SXM",
    memoryGb: 80,
    bandwidthGbS: 3350,
    bf16Tflops: 989,
    fp8Tflops: 1979,
    specSource: "https://www.nvidia.com/en-us/data-center/h100/",
  },
  "H200 SXM": {
    gpuType: "H200 SXM",
    memoryGb: 141,
    bandwidthGbS: 4800,
    bf16Tflops: 989,
    fp8Tflops: 1979,
    specSource: "https://www.nvidia.com/en-us/data-center/h200/",
  },
  "A100 80GB": {
    gpuType: "A100 80GB",
    memoryGb: 80,
    bandwidthGbS: 2039,
    bf16Tflops: 312,
    fp8Tflops: null,
    specSource: "https://www.nvidia.com/en-us/data-center/a100/",
  },
  L40S: {
    gpuType: "L40S",
    memoryGb: 48,
    bandwidthGbS: 864,
    bf16Tflops: 362,
    fp8Tflops: 733,
    specSource: "https://www.nvidia.com/en-us/data-center/l40s/",
  },
  B200: {
    gpuType: "B200",
    memoryGb: 180,
    bandwidthGbS: 8000,
    bf16Tflops: 2250,
    fp8Tflops: 4500,
    specSource: "https://www.nvidia.com/en-us/data-center/dgx-b200/",
  },
};

// On-demand $/GPU-hour, checked 2026-09-25 (silybench-data gpu_prices.csv); the "Reference"
// H100 row is the commonly quoted $2.54 cloud rate used in DESIGN.md's worked example.
// RunPod's Community Cloud rents hosts run by third parties: its rows say so.
export const REFERENCE_GPU_OFFERS: {
  provider: string;
  gpu: keyof typeof GPU_SPECS;
  price: number;
  minGpus?: number;
  tenancy?: "community";
}[] = [
  { provider: "Reference cloud", gpu: "H100 SXM", price: 2.54 },
  { provider: "RunPod Community", gpu: "H100 SXM", price: 2.69, tenancy: "community" },
  { provider: "RunPod Secure", gpu: "H100 SXM", price: 3.49 },
  { provider: "Lambda", gpu: "H100 SXM", price: 4.29 },
  { provider: "Nebius", gpu: "H100 SXM", price: 3.85 },
  { provider: "AWS p5", gpu: "H100 SXM", price: 6.88, minGpus: 8 },
  { provider: "RunPod Community", gpu: "H200 SXM", price: 3.59, tenancy: "community" },
  { provider: "RunPod Secure", gpu: "H200 SXM", price: 4.59 },
  { provider: "Nebius", gpu: "H200 SXM", price: 4.5 },
  { provider: "RunPod Community", gpu: "A100 80GB", price: 1.39, tenancy: "community" },
  { provider: "RunPod Secure", gpu: "A100 80GB", price: 1.59 },
  { provider: "RunPod Community", gpu: "L40S", price: 0.79, tenancy: "community" },
  { provider: "RunPod Secure", gpu: "L40S", price: 1.09 },
  { provider: "RunPod", gpu: "B200", price: 5.98 },
  { provider: "Lambda", gpu: "B200", price: 6.99 },
];

// Servers a team can buy, for owned-hardware options. GPU power is the data sheet's TDP; base
// power is the rest of the server at full load (system maximum − GPUs' TDP). A price nobody
// published stays null and the row says so: the team enters its own quote.
export const REFERENCE_SERVERS: {
  gpu: keyof typeof GPU_SPECS;
  gpusPerServer: number;
  serverPrice: number | null;
  gpuTdpW: number;
  serverBaseW: number;
  source: string;
}[] = [
  {
    gpu: "H100 SXM",
    gpusPerServer: 8,
    serverPrice: 317_000,
    gpuTdpW: 700,
    serverBaseW: 4600,
    source:
      "Price: Thinkmate 8×H100 SXM quotation, Aug 2024 (https://web.archive.org/web/20240822233446/https://www.thinkmate.com/quotation-request?a=YToxOntzOjI6ImlkIjtpOjc0OTY2Mzt9); power: NVIDIA DGX H100 10.2 kW maximum, H100 SXM up to 700 W (https://www.nvidia.com/en-us/data-center/h100/)",
  },
  {
    gpu: "H200 SXM",
    gpusPerServer: 8,
    serverPrice: null,
    gpuTdpW: 700,
    serverBaseW: 4600,
    source:
      "Price: not published, enter a quote; power: H200 SXM up to 700 W (https://www.nvidia.com/en-us/data-center/h200/), base as the DGX H100's",
  },
  {
    gpu: "L40S",
    gpusPerServer: 8,
    serverPrice: null,
    gpuTdpW: 350,
    serverBaseW: 2000,
    source:
      "Price: not published, enter a quote; power: L40S 350 W (https://www.nvidia.com/en-us/data-center/l40s/); base power an assumption",
  },
];

// Architecture figures from each model's config.json on its model card.
export const REFERENCE_OPEN_MODELS = [
  {
    name: "Llama 3.1 8B",
    totalParamsB: 8.03,
    activeParamsB: 8.03,
    layers: 32,
    kvHeads: 8,
    headDim: 128,
    contextLength: 131072,
    sourceUrl: "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct",
  },
  {
    name: "Llama 3.3 70B",
    totalParamsB: 70.6,
    activeParamsB: 70.6,
    layers: 80,
    kvHeads: 8,
    headDim: 128,
    contextLength: 131072,
    sourceUrl: "https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct",
  },
  {
    name: "Qwen3 8B",
    totalParamsB: 8.19,
    activeParamsB: 8.19,
    layers: 36,
    kvHeads: 8,
    headDim: 128,
    contextLength: 32768,
    sourceUrl: "https://huggingface.co/Qwen/Qwen3-8B",
  },
  {
    name: "Qwen3 30B-A3B",
    totalParamsB: 30.5,
    activeParamsB: 3.3,
    layers: 48,
    kvHeads: 4,
    headDim: 128,
    contextLength: 32768,
    sourceUrl: "https://huggingface.co/Qwen/Qwen3-30B-A3B",
  },
  // Multi-head latent attention: per layer one 512-wide latent plus 64 rotary dims (kv_lora_rank, qk_rope_head_dim).
  {
    name: "DeepSeek V3",
    totalParamsB: 671,
    activeParamsB: 37,
    layers: 61,
    kvHeads: 128,
    headDim: 128,
    contextLength: 163840,
    kvLoraRank: 512,
    ropeHeadDim: 64,
    sourceUrl: "https://huggingface.co/deepseek-ai/DeepSeek-V3",
  },
];

export type BenchmarkRow = {
  model: string;
  gpuType: string;
  /** Serving stack and version; kept in the source text in the database. */
  stack: string;
  tensorParallel: number;
  precision: string;
  workload: string;
  inputTokens: number | null;
  outputTokens: number | null;
  /** Concurrent requests of the run; null when it ran at a request rate or at full load. */
  concurrency: number | null;
  requestsPerS: number | null;
  outputTokensPerS: number;
  itlP50Ms: number | null;
  ttftP50Ms: number | null;
  ttftP99Ms: number | null;
  source: string;
};

const DESIGN_BENCH_SOURCE =
  "vLLM serving benchmarks at batch 1/8/32 (input and output lengths not published), as listed in Breakeven DESIGN.md reference figures";

// Throughput rows quoted in DESIGN.md whose shape was not published: shown in the catalog, but the
// engine cannot compare them with an estimate, so it does not use them. The 70B rows DESIGN.md
// quotes (vLLM 0.5.4) had neither shape nor latency; the published TensorRT-LLM rows replace them.
export const DESIGN_BENCHMARKS: BenchmarkRow[] = (
  [
    [
      "H100 SXM",
      [
        [1, 93],
        [8, 688],
        [32, 2462],
      ],
    ],
    [
      "A100 80GB",
      [
        [1, 79],
        [8, 603],
        [32, 1933],
      ],
    ],
    [
      "L40S",
      [
        [1, 44],
        [8, 325],
        [32, 1124],
      ],
    ],
  ] as const
).flatMap(([gpuType, rows]) =>
  rows.map(([c, tps]) => ({
    model: "Llama 3.1 8B",
    gpuType,
    stack: "vLLM",
    tensorParallel: 1,
    precision: "bf16",
    workload: `batch-${c}`,
    inputTokens: null,
    outputTokens: null,
    concurrency: c,
    requestsPerS: null,
    outputTokensPerS: tps,
    itlP50Ms: null,
    ttftP50Ms: null,
    ttftP99Ms: null,
    source: DESIGN_BENCH_SOURCE,
  })),
);

export const REFERENCE_CHECKED_AT = CHECKED;
export const REFERENCE_GPU_PRICES_SOURCE = GPU_PRICES_SOURCE;
