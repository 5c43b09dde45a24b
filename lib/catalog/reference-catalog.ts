// The reference catalog's hardware and models seeded on first start: GPU data sheets, servers,
// open models' architectures and throughput rows, each with its source. Prices: reference-prices.ts.

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
