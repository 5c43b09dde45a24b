// The self-host side of the scenario input: the open model, the GPU offer, measured throughput
// rows and the option that serves one on the other.
import { z } from "zod";
import { money, share, count, positive, id, label, SourceSchema, QualitySchema } from "./schema-fields";

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

// Who else runs on the hardware: it decides whether "data must not leave our infrastructure" is met.
export const TENANCIES = ["on-prem", "dedicated", "shared-cloud", "community"] as const;
export type Tenancy = (typeof TENANCIES)[number];

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
  tenancy: z
    .enum(TENANCIES)
    .default("shared-cloud")
    .describe(
      "on-prem: hardware in our own facility; dedicated: single-tenant cloud hardware; shared-cloud: a cloud provider's shared fleet; community: a marketplace of third-party hosts",
    ),
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

// How the GPUs are paid for. A commitment pays for its GPUs over the whole term whatever the load,
// and load above it is billed on demand; spot is cheaper but interrupted, which costs a spare
// replica and the work redone.
export const GpuPricingSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("on-demand") }),
    z.object({
      kind: z.literal("committed"),
      termMonths: count(1, 60).describe("Length of the commitment, months"),
      committedGpus: count(1, 100_000).describe("GPUs paid for around the clock over the term, whatever the load"),
      discount: share.describe("Discount on the on-demand price, 0.35 = 35% off"),
      upfrontShare: share.default(0).describe("Share of the term's cost paid at signing"),
    }),
    z.object({
      kind: z.literal("spot"),
      discount: share.describe("Discount on the on-demand price, 0.6 = 60% off"),
      interruptionRate: z
        .number({ error: "is required for spot GPUs" })
        .finite()
        .min(0, { error: "must be between 0 and 0.5" })
        .max(0.5, { error: "must be between 0 and 0.5" })
        .describe("Share of GPU time lost to interruptions: work in flight redone and replacements started"),
    }),
  ])
  .default({ kind: "on-demand" })
  .describe("How the GPUs are paid for");
export type GpuPricing = z.infer<typeof GpuPricingSchema>;

// Servers the team buys instead of renting GPUs (DESIGN.md, second edition, "Owned hardware").
export const OwnedHardwareSchema = z.object({
  kind: z.literal("owned"),
  serverPrice: positive(100_000_000).describe("List price of one server with its GPUs, US$"),
  gpusPerServer: count(1, 64).default(8).describe("GPUs in one server"),
  installationPerServer: money(10_000_000).default(0).describe("Installation per server (racking, cabling, burn-in), US$"),
  lifeYears: positive(15).default(5).describe("Years the servers are depreciated over"),
  residualShare: share.default(0.1).describe("Value left at the end of the life, as a share of the capital cost"),
  costOfCapital: share.default(0.08).describe("Annual cost of capital on the average book value, 0.08 = 8%"),
  maintenanceShare: share.default(0.05).describe("Maintenance and support a year, as a share of the capital cost"),
  gpuTdpW: positive(5000).default(700).describe("Power of one GPU at full load, W (TDP)"),
  serverBaseW: money(100_000).default(2000).describe("Power of the rest of a server (CPUs, memory, fans, network), W"),
  pue: z
    .number()
    .finite()
    .min(1, { error: "must be at least 1" })
    .max(3, { error: "must be at most 3" })
    .default(1.4)
    .describe("Power usage effectiveness of the facility"),
  electricityPerKwh: money(10).default(0.12).describe("Electricity, US$ per kWh"),
  facilityPerServerMonth: money(1_000_000).default(0).describe("Rack space, cooling and hands per server a month, US$"),
  operationsFte: z
    .number()
    .finite()
    .min(0)
    .max(100)
    .default(0.25)
    .describe("Engineers (FTE) operating the hardware: spares, repairs, firmware"),
  leadTimeWeeks: count(0, 260).default(12).describe("Weeks from order to serving traffic"),
  servers: count(1, 100_000).nullable().default(null).describe("Servers bought; null = enough for the horizon's peak"),
});
export type OwnedHardware = z.infer<typeof OwnedHardwareSchema>;

export const HostingSchema = z
  .discriminatedUnion("kind", [z.object({ kind: z.literal("rented") }), OwnedHardwareSchema])
  .default({ kind: "rented" })
  .describe("Rented GPUs, or servers the team owns");

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
    pricing: GpuPricingSchema,
    hosting: HostingSchema,
    dedicatedIsOurInfrastructure: z
      .boolean()
      .default(false)
      .describe("The team counts this dedicated (single-tenant) hardware as its own infrastructure: a stated assumption"),
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
    certifications: z
      .array(z.string().max(40))
      .max(20)
      .default([])
      .describe("Certifications the infrastructure it runs on holds (the GPU provider's, or our own)"),
    inNetworkRttMs: z.number().finite().min(0).max(10_000).default(2),
    quality: QualitySchema,
  })
  .superRefine((o, ctx) => {
    if (o.tensorParallel !== null && o.tensorParallel > o.gpu.gpusPerNode && !o.allowMultiNode) {
      ctx.addIssue({
        code: "custom",
        path: ["tensorParallel"],
        message: `is above the ${o.gpu.gpusPerNode} GPUs of one node; allow multi-node serving or choose a smaller degree`,
      });
    }
    if (o.pricing.kind === "committed" && o.billingMode === "scale-to-zero") {
      ctx.addIssue({
        code: "custom",
        path: ["pricing", "kind"],
        message: "a commitment pays for its GPUs around the clock; scale-to-zero releases them (choose always-on or active window)",
      });
    }
    if (o.hosting.kind === "owned") {
      if (o.billingMode !== "always-on")
        ctx.addIssue({ code: "custom", path: ["billingMode"], message: "owned servers run around the clock: choose always on" });
      if (o.pricing.kind !== "on-demand")
        ctx.addIssue({ code: "custom", path: ["pricing", "kind"], message: "owned servers have no rental terms: choose on demand" });
    }
    if (o.dedicatedIsOurInfrastructure && o.gpu.tenancy !== "dedicated") {
      ctx.addIssue({
        code: "custom",
        path: ["dedicatedIsOurInfrastructure"],
        message: "only dedicated (single-tenant) hardware can be counted as our infrastructure",
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
  .describe("An open-weights model served on rented GPUs or on servers the team owns");

/** Model and GPU names compare without case, spaces or punctuation ("Llama-3.1-8B" = "llama 3.1 8b"). */
function sameName(a: string, b: string): boolean {
  const norm = (x: string) => x.toLowerCase().replace(/[^a-z0-9.]/g, "");
  return norm(a) === norm(b);
}
export type SelfHostOption = z.infer<typeof SelfHostOptionSchema>;
