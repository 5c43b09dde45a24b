// zod schemas for the scenario input. One schema per input, shared by the form, the server, the
// command line and the OpenAPI document. Defaults are DESIGN.md's; every field has bounds.
import { z } from "zod";

const money = (max: number) =>
  z
    .number({ error: "must be a number" })
    .finite()
    .min(0, { error: "cannot be negative" })
    .max(max, { error: `must be at most ${max}` });
const share = z
  .number({ error: "must be a number" })
  .finite()
  .min(0, { error: "must be between 0 and 1" })
  .max(1, { error: "must be between 0 and 1" });
const count = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
const positive = (max: number) =>
  z
    .number({ error: "must be a number" })
    .finite()
    .positive({ error: "must be greater than 0" })
    .max(max, { error: `must be at most ${max}` });
const id = z
  .string()
  .trim()
  .min(1, { error: "is required" })
  .max(64, { error: "must be at most 64 characters" })
  .regex(/^[\w.-]+$/, { error: "use letters, digits, '-', '_' or '.'" });
const label = z.string().trim().min(1, { error: "is required" }).max(120, { error: "must be at most 120 characters" });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: "must be a date like 2026-09-25" });

export const SourceSchema = z
  .object({
    name: z.string().max(300).describe("Where the figure comes from"),
    url: z.string().max(500).optional().describe("Link to the source"),
    checkedAt: isoDate.optional().describe("Date the figure was checked"),
  })
  .describe("Source of a price or measurement");
export type Source = z.infer<typeof SourceSchema>;

export const WorkloadSchema = z
  .object({
    requestsPerMonth: z
      .number({ error: "must be a number" })
      .finite()
      .min(0, { error: "cannot be negative" })
      .max(1e12, { error: "must be at most 1e12" })
      .describe("Requests per month (R)"),
    inputTokensPerRequest: count(0, 2_000_000).describe("Input (prompt) tokens per request (Ti)"),
    outputTokensPerRequest: count(1, 200_000).describe("Output tokens per request (To)"),
    apiCacheReadShare: share.default(0.8).describe("Share of input tokens billed at the API's cached-read price (h)"),
    apiCacheWriteShare: share.default(0).describe("Share of input tokens billed at the API's cache-write price (w)"),
    selfHostPrefixCacheHitRate: share.default(0.35).describe("Share of input tokens served from the self-hosted prefix cache (hs)"),
    peakToAverage: z
      .number()
      .finite()
      .min(1, { error: "must be at least 1" })
      .max(50, { error: "must be at most 50" })
      .default(3)
      .describe("Peak traffic over average traffic during active hours (P)"),
    activeHoursPerDay: z
      .number()
      .finite()
      .min(0.5, { error: "must be at least 0.5" })
      .max(24, { error: "must be at most 24" })
      .default(24)
      .describe("Hours per day with traffic (A)"),
    batchShare: share.default(0).describe("Share of API traffic sent through the batch API (b)"),
    monthlyGrowth: z
      .number()
      .finite()
      .min(-0.5, { error: "must be at least -0.5" })
      .max(2, { error: "must be at most 2" })
      .default(0)
      .describe("Monthly volume growth (g), 0.05 = +5% a month"),
    horizonMonths: count(1, 120).default(24).describe("Months over which set-up is amortised and costs are projected (N)"),
    avgContextTokens: count(1, 2_000_000).optional().describe("Average context per sequence in tokens (ctx); default Ti + To"),
  })
  .superRefine((w, ctx) => {
    if (w.apiCacheReadShare + w.apiCacheWriteShare > 1) {
      ctx.addIssue({ code: "custom", path: ["apiCacheWriteShare"], message: "cache-read and cache-write shares add up to more than 1" });
    }
  })
  .describe("The workload every option is evaluated on");
export type Workload = z.infer<typeof WorkloadSchema>;

export const PeopleSchema = z
  .object({
    engineerAnnualCost: money(2_000_000)
      .default(200_000)
      .describe("Loaded annual cost of one engineer, US$ (common range 150,000-250,000)"),
  })
  .default({ engineerAnnualCost: 200_000 });

export const ApiPricesSchema = z
  .object({
    inputPerM: money(1000).describe("US$ per 1M uncached input tokens"),
    cachedInputPerM: money(1000).nullable().default(null).describe("US$ per 1M cached input tokens read; null = not offered"),
    cacheWritePerM: money(1000)
      .nullable()
      .default(null)
      .describe("US$ per 1M input tokens written to the cache; null = not priced separately"),
    outputPerM: money(1000).describe("US$ per 1M output tokens"),
    batchDiscount: share.nullable().default(null).describe("Discount of the batch API, 0.5 = half price; null = no batch API"),
    longContext: z
      .object({
        thresholdTokens: count(1, 10_000_000).describe("Requests with more input tokens than this pay the tier price"),
        inputPerM: money(1000),
        cachedInputPerM: money(1000).nullable().default(null),
        outputPerM: money(1000),
      })
      .nullable()
      .default(null)
      .describe("Long-context price tier"),
  })
  .describe("API prices, US$ per 1M tokens");
export type ApiPrices = z.infer<typeof ApiPricesSchema>;

export const ApiAttributesSchema = z
  .object({
    certifications: z
      .array(z.string().max(40))
      .max(20)
      .default([])
      .describe("Certifications the provider holds (SOC 2, ISO 27001, HIPAA BAA, GDPR DPA)"),
    zeroDataRetention: z.boolean().nullable().default(null).describe("Zero data retention available; null = not verified"),
    regions: z.array(z.string().max(40)).max(50).default([]).describe("Regions where requests can be processed; empty = not verified"),
    typicalTtftMs: positive(120_000).nullable().default(null).describe("Median (p50) time to first token, ms"),
    ttftP95Ms: positive(600_000).nullable().default(null).describe("95th-percentile time to first token, ms; null = not published"),
    outputTokensPerSecond: positive(100_000).nullable().default(null).describe("Typical output speed per stream, tokens/s"),
    networkRttMs: z.number().finite().min(0).max(10_000).default(60).describe("Network round trip to the provider, ms"),
    inOurInfrastructure: z.boolean().default(false).describe("Runs inside our own infrastructure (e.g. a private deployment)"),
  })
  .default({
    certifications: [],
    zeroDataRetention: null,
    regions: [],
    typicalTtftMs: null,
    ttftP95Ms: null,
    outputTokensPerSecond: null,
    networkRttMs: 60,
    inOurInfrastructure: false,
  });

export const ApiOptionSchema = z
  .object({
    id,
    label,
    provider: z.string().max(80).default(""),
    model: z.string().max(120).default(""),
    prices: ApiPricesSchema,
    source: SourceSchema.default({ name: "Entered by hand" }),
    integrationFte: z
      .number()
      .finite()
      .min(0)
      .max(10, { error: "must be at most 10" })
      .default(0.05)
      .describe("Engineers (FTE) to integrate and maintain the API client"),
    attributes: ApiAttributesSchema,
  })
  .describe("An API model priced per token");
export type ApiOption = z.infer<typeof ApiOptionSchema>;

// KV bytes per token by attention kind: grouped-query (and multi-head) attention stores K and V
// per KV head; multi-head latent attention (DeepSeek V3) stores one compressed latent plus the
// rotary key per layer; an override takes a published figure as it is.
export const KvCacheSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("grouped-query") }),
    z.object({
      kind: z.literal("latent"),
      kvLoraRank: count(1, 65_536).describe("Width of the compressed KV latent (kv_lora_rank; 512 in DeepSeek V3)"),
      ropeHeadDim: count(0, 4096).describe("Rotary key dimension stored beside it (qk_rope_head_dim; 64 in DeepSeek V3)"),
    }),
    z.object({
      kind: z.literal("override"),
      bytesPerToken: positive(1e9).describe("KV cache bytes per token at the option's KV precision"),
    }),
  ])
  .default({ kind: "grouped-query" })
  .describe("How the KV cache is laid out");

export const OpenModelSchema = z
  .object({
    name: label,
    totalParamsB: positive(5000).describe("Total parameters, billions (Np)"),
    activeParamsB: positive(5000).describe("Parameters active per token, billions (Na; equals Np for dense models)"),
    layers: count(1, 1000).describe("Transformer layers (L)"),
    kvHeads: count(1, 1024).describe("Key/value heads (Hkv)"),
    headDim: count(1, 1024).describe("Head dimension (dh)"),
    contextLength: count(1, 10_000_000).describe("Maximum context, tokens"),
    kvCache: KvCacheSchema,
  })
  .refine((m) => m.activeParamsB <= m.totalParamsB, { path: ["activeParamsB"], message: "cannot exceed total parameters" });

export const GpuOfferSchema = z.object({
  provider: z.string().max(80),
  gpuType: z.string().max(80),
  memoryGb: positive(2000).describe("Memory per GPU as on the data sheet, GB (M; HBM sizes are binary: 80 GB = 80 GiB)"),
  bandwidthGbS: positive(100_000).describe("Memory bandwidth per GPU, GB/s (BW)"),
  bf16Tflops: positive(100_000).describe("Dense BF16 TFLOPS per GPU"),
  fp8Tflops: positive(100_000).nullable().default(null).describe("Dense FP8 TFLOPS per GPU; null = no FP8 tensor cores"),
  pricePerGpuHour: money(1000).describe("US$ per GPU-hour ($g)"),
  minGpus: count(1, 64).default(1).describe("GPUs rented together (an 8-GPU instance rents in eights)"),
  gpusPerNode: count(1, 64).default(8).describe("GPUs in one node or instance: tensor parallelism above it needs multi-node serving"),
  regions: z.array(z.string().max(40)).max(50).default([]),
  source: SourceSchema.default({ name: "Entered by hand" }),
});
export type GpuOffer = z.infer<typeof GpuOfferSchema>;

export const BenchmarkSchema = z
  .object({
    model: z.string().max(120).nullable().default(null).describe("Model the row was measured on; null = this option's model"),
    gpuType: z.string().max(80).nullable().default(null).describe("GPU the row was measured on; null = this option's GPU"),
    stack: z.string().max(80).default("").describe("Serving stack and version, e.g. vLLM 0.30.0"),
    tensorParallel: count(1, 64),
    precision: z.enum(["bf16", "fp8", "int4"]),
    concurrency: count(1, 100_000)
      .nullable()
      .default(null)
      .describe("Concurrent requests of the run; null when it was driven at a request rate"),
    requestsPerS: positive(1_000_000).nullable().default(null).describe("Request rate of the run, when driven at a rate"),
    outputTokensPerS: positive(10_000_000).describe("Output tokens/s of the deployment, prefill included"),
    itlP50Ms: positive(100_000).nullable().default(null).describe("Median inter-token latency, ms; null = a saturation figure"),
    ttftMs: positive(1_000_000).nullable().default(null).describe("Median time to first token, ms"),
    ttftP95Ms: positive(1_000_000).nullable().default(null).describe("95th-percentile time to first token, ms"),
    inputTokens: count(0, 10_000_000).nullable().default(null).describe("Input length of the benchmark workload; null = unspecified"),
    outputTokens: count(1, 10_000_000).nullable().default(null),
    source: z.string().max(300),
  })
  // A latency means something only at a known load; a row without one is a full-load (saturation) figure.
  .refine((b) => b.itlP50Ms === null || b.concurrency !== null || b.requestsPerS !== null, {
    path: ["concurrency"],
    message: "a row with a latency needs the concurrency or the request rate it was measured at",
  });
export type Benchmark = z.infer<typeof BenchmarkSchema>;

export const OverheadSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("percent"),
    percentOfGpu: z.number().finite().min(0).max(5).default(0.15).describe("Infrastructure overhead as a share of GPU cost"),
  }),
  z.object({
    mode: z.literal("lines"),
    networking: money(1e8).default(0),
    storage: money(1e8).default(0),
    loadBalancing: money(1e8).default(0),
    observability: money(1e8).default(0),
  }),
]);

export const SelfHostOptionSchema = z
  .object({
    id,
    label,
    model: OpenModelSchema,
    weightPrecision: z.enum(["bf16", "fp8", "int4"]).default("bf16"),
    kvPrecision: z.enum(["bf16", "fp8"]).default("bf16"),
    gpu: GpuOfferSchema,
    benchmarks: z.array(BenchmarkSchema).max(200).default([]).describe("Measured throughput rows for this model on this GPU"),
    targetUtilisation: z
      .number()
      .finite()
      .min(0.05, { error: "must be at least 0.05" })
      .max(1, { error: "must be at most 1" })
      .default(0.7)
      .describe("Share of capacity used at peak (u)"),
    failoverReplicas: count(0, 100).default(1).describe("Spare replicas for failover (f)"),
    minReplicas: count(0, 1000).default(2).describe("Replicas kept running at all times"),
    billingMode: z.enum(["always-on", "active-window", "scale-to-zero"]).default("always-on"),
    idleTimeoutMinutes: z.number().finite().min(0).max(1440).default(10).describe("Scale-to-zero: a replica idle this long is released"),
    coldStartSeconds: z
      .number()
      .finite()
      .min(0)
      .max(3600)
      .default(60)
      .describe("Scale-to-zero: GPU time billed to bring a replica up (image, weights, warm-up)"),
    tensorParallel: count(1, 64).nullable().default(null).describe("Fixed tensor-parallel degree; null = the engine chooses"),
    allowMultiNode: z.boolean().default(false).describe("Tensor parallelism may span nodes (needs a fast interconnect between them)"),
    overhead: OverheadSchema.default({ mode: "percent", percentOfGpu: 0.15 }),
    engineeringFte: z.number().finite().min(0).max(100).default(0.2).describe("Engineers (FTE) running the serving stack"),
    setupEngineerWeeks: z
      .number()
      .finite()
      .min(0)
      .max(1000)
      .default(6)
      .describe("One-time set-up, engineer-weeks, amortised over the horizon"),
    modelSwitchesPerYear: z.number().finite().min(0).max(52).default(2),
    weeksPerSwitch: z.number().finite().min(0).max(52).default(2).describe("Engineer-weeks per model switch"),
    efficiencies: z
      .object({
        bandwidth: share.default(0.6).describe("Achieved share of peak memory bandwidth in decode (ηbw)"),
        mfu: share.default(0.35).describe("Achieved share of peak FLOPS in decode (ηmfu)"),
        prefillMfu: share.default(0.5).describe("Achieved share of peak FLOPS in prefill"),
      })
      .default({ bandwidth: 0.6, mfu: 0.35, prefillMfu: 0.5 }),
    certifications: z.array(z.string().max(40)).max(20).default([]).describe("Certifications our own infrastructure holds"),
    inNetworkRttMs: z.number().finite().min(0).max(10_000).default(2),
  })
  .superRefine((o, ctx) => {
    if (o.tensorParallel !== null && o.tensorParallel > o.gpu.gpusPerNode && !o.allowMultiNode) {
      ctx.addIssue({
        code: "custom",
        path: ["tensorParallel"],
        message: `is above the ${o.gpu.gpusPerNode} GPUs of one node; allow multi-node serving or choose a smaller degree`,
      });
    }
    o.benchmarks.forEach((b, i) => {
      if (b.model !== null && !sameName(b.model, o.model.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["benchmarks", i, "model"],
          message: `was measured on ${b.model}, not on this option's ${o.model.name}`,
        });
      }
      if (b.gpuType !== null && !sameName(b.gpuType, o.gpu.gpuType)) {
        ctx.addIssue({
          code: "custom",
          path: ["benchmarks", i, "gpuType"],
          message: `was measured on ${b.gpuType}, not on this option's ${o.gpu.gpuType}`,
        });
      }
    });
  })
  .describe("An open-weights model served on rented GPUs");

/** Model and GPU names compare without case, spaces or punctuation ("Llama-3.1-8B" = "llama 3.1 8b"). */
function sameName(a: string, b: string): boolean {
  const norm = (x: string) => x.toLowerCase().replace(/[^a-z0-9.]/g, "");
  return norm(a) === norm(b);
}
export type SelfHostOption = z.infer<typeof SelfHostOptionSchema>;

const constraintBase = {
  id,
  label: label.optional(),
  hard: z.boolean().default(true).describe("A hard constraint removes options that fail it"),
};

export const ConstraintSchema = z.discriminatedUnion("kind", [
  z.object({ ...constraintBase, kind: z.literal("data-stays-in-our-infrastructure") }),
  z.object({
    ...constraintBase,
    kind: z.literal("allowed-regions"),
    regions: z.array(z.string().min(1).max(40)).min(1, { error: "name at least one region" }).max(50),
  }),
  z.object({
    ...constraintBase,
    kind: z.literal("certifications"),
    required: z.array(z.enum(["SOC 2", "ISO 27001", "HIPAA BAA", "GDPR DPA"])).min(1, { error: "choose at least one certification" }),
  }),
  z.object({ ...constraintBase, kind: z.literal("zero-data-retention") }),
  z.object({ ...constraintBase, kind: z.literal("ttft-budget"), p95Ms: positive(600_000).describe("p95 time-to-first-token budget, ms") }),
  z.object({
    ...constraintBase,
    kind: z.literal("min-output-speed"),
    tokensPerSecond: positive(10_000).describe("Minimum output tokens/s per stream"),
  }),
  z.object({
    ...constraintBase,
    kind: z.literal("custom"),
    label,
    verdicts: z
      .record(z.string(), z.enum(["pass", "fail", "unknown"]))
      .default({})
      .describe("Verdict per option id, set by the team"),
  }),
]);
export type Constraint = z.infer<typeof ConstraintSchema>;

export const SettingsSchema = z
  .object({
    closeCallMargin: z
      .number()
      .finite()
      .min(0)
      .max(1)
      .default(0.15)
      .describe("Within this share, the result is a close call that leans to the API"),
    sloOutputTokensPerSecond: positive(10_000)
      .default(20)
      .describe("Output tokens/s per stream the self-hosted batch must sustain (20 = 50 ms per token)"),
    monteCarloSamples: count(0, 100_000).default(2000),
    seed: count(0, 2 ** 31 - 1).default(42),
  })
  .default({ closeCallMargin: 0.15, sloOutputTokensPerSecond: 20, monteCarloSamples: 2000, seed: 42 });

export const ScenarioInputSchema = z
  .object({
    name: z.string().max(200).default("Untitled scenario"),
    workload: WorkloadSchema,
    people: PeopleSchema,
    apiOptions: z.array(ApiOptionSchema).max(20, { error: "at most 20 API options" }).default([]),
    selfHostOptions: z.array(SelfHostOptionSchema).max(20, { error: "at most 20 self-host options" }).default([]),
    constraints: z.array(ConstraintSchema).max(50).default([]),
    settings: SettingsSchema,
  })
  .superRefine((s, ctx) => {
    if (s.apiOptions.length + s.selfHostOptions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["apiOptions"], message: "add at least one API or self-host option" });
    }
    const requestTokens = s.workload.inputTokensPerRequest + s.workload.outputTokensPerRequest;
    const context = Math.max(requestTokens, s.workload.avgContextTokens ?? 0);
    s.selfHostOptions.forEach((o, i) => {
      if (context > o.model.contextLength) {
        ctx.addIssue({
          code: "custom",
          path: ["selfHostOptions", i, "model", "contextLength"],
          message: `a request of ${context.toLocaleString("en-US")} tokens does not fit this model's ${o.model.contextLength.toLocaleString("en-US")}-token context`,
        });
      }
    });
    const seen = new Set<string>();
    [
      ...s.apiOptions.map((o, i) => ["apiOptions", i, o.id] as const),
      ...s.selfHostOptions.map((o, i) => ["selfHostOptions", i, o.id] as const),
    ].forEach(([list, i, optionId]) => {
      if (seen.has(optionId)) ctx.addIssue({ code: "custom", path: [list, i, "id"], message: `duplicate option id "${optionId}"` });
      seen.add(optionId);
    });
  });

/** What callers send: defaults may be left out. */
export type ScenarioInputRaw = z.input<typeof ScenarioInputSchema>;
/** What the engine works on: every default filled in. */
export type ScenarioInput = z.output<typeof ScenarioInputSchema>;
