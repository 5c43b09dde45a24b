// Scenario templates a team starts from, priced from the reference catalog.
import type { Benchmark, ScenarioInputRaw, Tenancy } from "../engine";
import {
  type BenchmarkRow,
  GPU_SPECS,
  REFERENCE_API_PRICES,
  REFERENCE_CHECKED_AT,
  REFERENCE_GPU_OFFERS,
  REFERENCE_SERVERS,
  REFERENCE_GPU_PRICES_SOURCE,
  REFERENCE_OPEN_MODELS,
} from "./reference-catalog";

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

// The rows an editor picks options from: the newest published catalog (passed in from the
// server), or the reference catalog the templates are written against.
export type PickerApiRow = {
  provider: string;
  model: string;
  inputPerM: number;
  cachedInputPerM: number | null;
  cacheWritePerM: number | null;
  outputPerM: number;
  batchDiscount: number | null;
  sourceUrl: string;
  checkedAt: string;
};
export type PickerGpuRow = {
  provider: string;
  gpuType: string;
  memoryGb: number;
  bandwidthGbS: number;
  bf16Tflops: number;
  fp8Tflops: number | null;
  pricePerGpuHour: number;
  minGpus: number;
  /** Shared cloud unless the row says otherwise. */
  tenancy?: Tenancy;
  /** How the row is bought (on demand unless it says otherwise) and the same GPU's on-demand price there. */
  provisioning?: "on_demand" | "reserved_1y" | "reserved_3y" | "spot";
  onDemandPrice?: number | null;
  sourceUrl: string;
  checkedAt: string;
};
export type PickerModelRow = {
  name: string;
  totalParamsB: number;
  activeParamsB: number;
  layers: number;
  kvHeads: number;
  headDim: number;
  contextLength: number;
  kvLoraRank?: number | null;
  ropeHeadDim?: number | null;
};
export type PickerCatalog = {
  label: string;
  api: PickerApiRow[];
  gpu: PickerGpuRow[];
  models: PickerModelRow[];
  benchmarks: BenchmarkRow[];
};

const referenceChecked = REFERENCE_CHECKED_AT.toISOString().slice(0, 10);
export const REFERENCE_PICKER: PickerCatalog = {
  label: "reference",
  api: REFERENCE_API_PRICES.map((p) => ({
    provider: p.provider,
    model: p.model,
    inputPerM: p.inputPerM,
    cachedInputPerM: p.cachedInputPerM,
    cacheWritePerM: p.cacheWritePerM ?? null,
    outputPerM: p.outputPerM,
    batchDiscount: p.batchDiscount,
    sourceUrl: p.sourceUrl,
    checkedAt: referenceChecked,
  })),
  gpu: REFERENCE_GPU_OFFERS.map((o) => {
    const spec = GPU_SPECS[o.gpu];
    return {
      provider: o.provider,
      gpuType: spec.gpuType,
      memoryGb: spec.memoryGb,
      bandwidthGbS: spec.bandwidthGbS,
      bf16Tflops: spec.bf16Tflops,
      fp8Tflops: spec.fp8Tflops,
      pricePerGpuHour: o.price,
      minGpus: o.minGpus ?? 1,
      tenancy: o.tenancy,
      sourceUrl: REFERENCE_GPU_PRICES_SOURCE,
      checkedAt: referenceChecked,
    };
  }),
  models: REFERENCE_OPEN_MODELS.map(({ sourceUrl: _s, ...m }) => m),
  benchmarks: [],
};

/** The KV cache layout of a catalog model: latent attention when it states a compressed width. */
export function kvCacheOf(m: PickerModelRow) {
  return m.kvLoraRank
    ? { kind: "latent" as const, kvLoraRank: m.kvLoraRank, ropeHeadDim: m.ropeHeadDim ?? 0 }
    : { kind: "grouped-query" as const };
}

const sourceName = (url: string, fallback: string) => {
  const link = url.match(/https?:\/\/\S+/)?.[0];
  if (!link) return fallback;
  return url.includes("silybench") ? "silybench-data gpu_prices.csv" : fallback;
};

/**
 * The option with an id (and label) that no option already in the scenario uses: adding a model
 * twice, or the same model at another precision, keeps both instead of replacing one.
 */
export function uniqueOption<T extends { id: string; label: string }>(option: T, existing: readonly { id: string }[]): T {
  const ids = new Set(existing.map((o) => o.id));
  if (!ids.has(option.id)) return option;
  let n = 2;
  while (ids.has(`${option.id}-${n}`)) n++;
  return { ...option, id: `${option.id}-${n}`, label: `${option.label} (${n})` };
}

export function apiOptionFromRow(p: PickerApiRow, extra: Record<string, unknown> = {}) {
  return {
    id: slug(`${p.provider}-${p.model}`),
    label: p.provider === "Together" || p.provider === "Groq" ? `${p.model} on ${p.provider}` : p.model,
    provider: p.provider,
    model: p.model,
    prices: {
      inputPerM: p.inputPerM,
      cachedInputPerM: p.cachedInputPerM,
      cacheWritePerM: p.cacheWritePerM,
      outputPerM: p.outputPerM,
      batchDiscount: p.batchDiscount,
    },
    source: { name: `${p.provider} pricing page`, url: p.sourceUrl.match(/https?:\/\/\S+/)?.[0] ?? p.sourceUrl, checkedAt: p.checkedAt },
    ...extra,
  };
}

/** The catalog's tenancy names (database enum) as the engine spells them. */
export const TENANCY_OF = { on_prem: "on-prem", dedicated: "dedicated", shared_cloud: "shared-cloud", community: "community" } as const;

// A spot row says nothing about interruptions: the option starts from this stated assumption.
const SPOT_INTERRUPTION_ASSUMED = 0.05;

/** The pricing terms a catalog row stands for, against the same GPU's on-demand price when there is one. */
function termsOf(offer: PickerGpuRow) {
  const p = offer.provisioning ?? "on_demand";
  const onDemand = offer.onDemandPrice ?? null;
  const discount = onDemand && onDemand > offer.pricePerGpuHour ? 1 - offer.pricePerGpuHour / onDemand : 0;
  const price = onDemand && onDemand > offer.pricePerGpuHour ? onDemand : offer.pricePerGpuHour;
  if (p === "reserved_1y" || p === "reserved_3y")
    return {
      price,
      note: p === "reserved_1y" ? "reserved 1 year" : "reserved 3 years",
      pricing: {
        kind: "committed" as const,
        termMonths: p === "reserved_1y" ? 12 : 36,
        committedGpus: offer.minGpus,
        discount,
        upfrontShare: 0,
      },
    };
  if (p === "spot")
    return {
      price,
      note: `spot, ${Math.round(SPOT_INTERRUPTION_ASSUMED * 100)}% interrupted assumed`,
      pricing: { kind: "spot" as const, discount, interruptionRate: SPOT_INTERRUPTION_ASSUMED },
    };
  return { price, note: null, pricing: { kind: "on-demand" as const } };
}

export function selfHostOptionFromRows(m: PickerModelRow, offer: PickerGpuRow, extra: Record<string, unknown> = {}) {
  const precision = (extra.weightPrecision as string | undefined) ?? "bf16";
  const terms = termsOf(offer);
  return {
    id: slug(`${m.name}-${precision}-${offer.gpuType}-${offer.provider}${terms.note ? `-${offer.provisioning}` : ""}`),
    label: `${m.name} ${precision} on ${offer.gpuType} (${offer.provider}${terms.note ? `, ${terms.note}` : ""})`,
    pricing: terms.pricing,
    model: {
      name: m.name,
      totalParamsB: m.totalParamsB,
      activeParamsB: m.activeParamsB,
      layers: m.layers,
      kvHeads: m.kvHeads,
      headDim: m.headDim,
      contextLength: m.contextLength,
      kvCache: kvCacheOf(m),
    },
    gpu: {
      provider: offer.provider,
      gpuType: offer.gpuType,
      memoryGb: offer.memoryGb,
      bandwidthGbS: offer.bandwidthGbS,
      bf16Tflops: offer.bf16Tflops,
      fp8Tflops: offer.fp8Tflops,
      pricePerGpuHour: terms.price,
      minGpus: offer.minGpus,
      tenancy: offer.tenancy ?? "shared-cloud",
      source: {
        name: sourceName(offer.sourceUrl, `${offer.provider} price list`),
        url: offer.sourceUrl.match(/https?:\/\/\S+/)?.[0] ?? offer.sourceUrl,
        checkedAt: offer.checkedAt,
      },
    },
    ...extra,
  };
}

export function apiOptionFor(model: string, extra: Record<string, unknown> = {}) {
  const p = REFERENCE_PICKER.api.find((x) => x.model === model);
  if (!p) throw new Error(`No reference price for ${model}`);
  return apiOptionFromRow(p, extra);
}

export function selfHostOptionFor(modelName: string, gpu: keyof typeof GPU_SPECS, provider: string, extra: Record<string, unknown> = {}) {
  const m = REFERENCE_PICKER.models.find((x) => x.name === modelName);
  const offer = REFERENCE_PICKER.gpu.find((o) => o.gpuType === GPU_SPECS[gpu]?.gpuType && o.provider === provider);
  if (!m || !offer) throw new Error(`No reference row for ${modelName} on ${gpu} (${provider})`);
  return selfHostOptionFromRows(m, offer, extra);
}

export type TemplateId = "blank" | "chat" | "rag" | "agent" | "batch" | "regulated" | "on-prem" | "hybrid";

export const TEMPLATES: { id: TemplateId; title: string; blurb: string; build: () => ScenarioInputRaw }[] = [
  {
    id: "chat",
    title: "Chat assistant",
    blurb: "Short prompts, short answers, steady traffic around the clock.",
    build: () => ({
      name: "Chat assistant",
      workload: {
        requestsPerMonth: 5_000_000,
        inputTokensPerRequest: 800,
        outputTokensPerRequest: 300,
        apiCacheReadShare: 0.5,
        peakToAverage: 2.5,
      },
      apiOptions: [apiOptionFor("GPT-4o-mini"), apiOptionFor("GPT-5 mini"), apiOptionFor("Gemini 2.5 Flash")],
      selfHostOptions: [
        selfHostOptionFor("Llama 3.1 8B", "L40S", "RunPod Secure", { weightPrecision: "fp8" }),
        selfHostOptionFor("Llama 3.1 8B", "H100 SXM", "Reference cloud"),
      ],
    }),
  },
  {
    id: "rag",
    title: "RAG support bot",
    blurb: "Long retrieved context that rarely repeats, answers of a paragraph.",
    build: () => ({
      name: "RAG support bot",
      workload: {
        requestsPerMonth: 2_000_000,
        inputTokensPerRequest: 4000,
        outputTokensPerRequest: 350,
        apiCacheReadShare: 0.3,
        selfHostPrefixCacheHitRate: 0.2,
        activeHoursPerDay: 16,
      },
      apiOptions: [apiOptionFor("GPT-4.1"), apiOptionFor("Claude Haiku 4.5"), apiOptionFor("DeepSeek V3")],
      selfHostOptions: [
        selfHostOptionFor("Llama 3.3 70B", "H100 SXM", "Nebius", {
          weightPrecision: "fp8",
          kvPrecision: "fp8",
          billingMode: "active-window",
        }),
      ],
    }),
  },
  {
    id: "agent",
    title: "Agent platform with long shared prompts",
    blurb: "12k-token system prompts and tools reused across calls: caching decides the bill.",
    build: () => ({
      name: "Agent platform",
      workload: {
        requestsPerMonth: 3_000_000,
        inputTokensPerRequest: 12_000,
        outputTokensPerRequest: 600,
        apiCacheReadShare: 0.9,
        apiCacheWriteShare: 0.05,
        selfHostPrefixCacheHitRate: 0.6,
        activeHoursPerDay: 14,
        monthlyGrowth: 0.08,
      },
      apiOptions: [apiOptionFor("Claude Sonnet 4.5"), apiOptionFor("GPT-4.1"), apiOptionFor("Llama 3.3 70B")],
      selfHostOptions: [
        selfHostOptionFor("Llama 3.3 70B", "H200 SXM", "RunPod Secure", {
          weightPrecision: "fp8",
          kvPrecision: "fp8",
          billingMode: "active-window",
          engineeringFte: 0.5,
          setupEngineerWeeks: 10,
        }),
      ],
    }),
  },
  {
    id: "batch",
    title: "Batch document processing",
    blurb: "Overnight jobs that tolerate latency: batch APIs against GPUs rented only while busy.",
    build: () => ({
      name: "Batch document processing",
      workload: {
        requestsPerMonth: 10_000_000,
        inputTokensPerRequest: 3000,
        outputTokensPerRequest: 500,
        apiCacheReadShare: 0,
        batchShare: 1,
        peakToAverage: 1.2,
        activeHoursPerDay: 8,
      },
      apiOptions: [apiOptionFor("GPT-4o-mini"), apiOptionFor("Gemini 2.5 Flash")],
      selfHostOptions: [
        selfHostOptionFor("Qwen3 30B-A3B", "H100 SXM", "RunPod Community", {
          weightPrecision: "fp8",
          billingMode: "scale-to-zero",
          minReplicas: 0,
          failoverReplicas: 0,
        }),
      ],
    }),
  },
  {
    id: "regulated",
    title: "Regulated internal assistant",
    blurb: "Data may not leave our infrastructure: the constraint, not the price, decides.",
    build: () => ({
      name: "Regulated internal assistant",
      workload: {
        requestsPerMonth: 1_500_000,
        inputTokensPerRequest: 1500,
        outputTokensPerRequest: 400,
        apiCacheReadShare: 0.3,
        peakToAverage: 4,
        activeHoursPerDay: 12,
        horizonMonths: 36,
      },
      apiOptions: [apiOptionFor("GPT-4o"), apiOptionFor("Claude Haiku 4.5")],
      selfHostOptions: [
        dedicated(
          selfHostOptionFor("Llama 3.3 70B", "H100 SXM", "Nebius", {
            weightPrecision: "fp8",
            kvPrecision: "fp8",
            billingMode: "active-window",
            certifications: ["SOC 2", "ISO 27001", "GDPR DPA"],
          }),
        ),
      ],
      constraints: [{ id: "in-house", kind: "data-stays-in-our-infrastructure" }],
    }),
  },
  {
    id: "on-prem",
    title: "On-prem servers for a regulated assistant",
    blurb: "Buy 8×H100 servers for our own data centre, or rent dedicated GPUs, against the APIs legal rules out.",
    build: () => ({
      name: "On-prem servers for a regulated assistant",
      workload: {
        requestsPerMonth: 5_000_000,
        inputTokensPerRequest: 1500,
        outputTokensPerRequest: 400,
        apiCacheReadShare: 0.3,
        peakToAverage: 3,
        activeHoursPerDay: 12,
        horizonMonths: 36,
      },
      apiOptions: [apiOptionFor("GPT-4o"), apiOptionFor("Claude Haiku 4.5")],
      selfHostOptions: [
        owned(
          selfHostOptionFor("Llama 3.3 70B", "H100 SXM", "Reference cloud", {
            weightPrecision: "fp8",
            kvPrecision: "fp8",
            failoverReplicas: 1,
            minReplicas: 2,
            certifications: ["SOC 2", "ISO 27001", "GDPR DPA"],
          }),
        ),
        dedicated(
          selfHostOptionFor("Llama 3.3 70B", "H100 SXM", "Nebius", {
            weightPrecision: "fp8",
            kvPrecision: "fp8",
            billingMode: "active-window",
            certifications: ["SOC 2", "ISO 27001", "GDPR DPA"],
          }),
        ),
      ],
      constraints: [{ id: "in-house", kind: "data-stays-in-our-infrastructure" }],
    }),
  },
  {
    id: "hybrid",
    title: "Daily peak: replicas for the base, an API for the peaks",
    blurb: "Traffic three times its average at midday: a few self-hosted replicas take the base load, the API the overflow.",
    build: () => ({
      name: "Daily peak: replicas for the base, an API for the peaks",
      workload: {
        requestsPerMonth: 150_000_000,
        inputTokensPerRequest: 1200,
        outputTokensPerRequest: 300,
        apiCacheReadShare: 0.5,
        peakToAverage: 3,
        activeHoursPerDay: 16,
      },
      apiOptions: [apiOptionFor("GPT-4o-mini")],
      selfHostOptions: [selfHostOptionFor("Llama 3.1 8B", "H100 SXM", "Reference cloud", { weightPrecision: "fp8", minReplicas: 1 })],
      hybridOptions: [
        {
          id: "hybrid",
          label: "Llama 3.1 8B replicas + GPT-4o-mini for the peaks",
          selfHostId: slug("Llama 3.1 8B-fp8-H100 SXM-Reference cloud"),
          apiId: slug("OpenAI-GPT-4o-mini"),
        },
      ],
    }),
  },
  {
    id: "blank",
    title: "Blank",
    blurb: "One API model and one GPU to start from.",
    build: () => ({
      name: "New scenario",
      workload: { requestsPerMonth: 1_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 300 },
      apiOptions: [apiOptionFor("GPT-4o-mini")],
      selfHostOptions: [selfHostOptionFor("Llama 3.1 8B", "H100 SXM", "Reference cloud")],
    }),
  },
];

/** The option on 8×H100 servers the team buys: the reference server's price and power. */
function owned(option: ReturnType<typeof selfHostOptionFromRows>) {
  const server = REFERENCE_SERVERS.find((s) => s.gpu === "H100 SXM")!;
  return {
    ...option,
    id: `${option.id}-owned`,
    label: `${option.label.replace(/ \(.*\)$/, "")} on owned servers`,
    gpu: { ...option.gpu, provider: "Our data centre", pricePerGpuHour: 0, tenancy: "on-prem" as const, source: { name: server.source } },
    hosting: {
      kind: "owned" as const,
      serverPrice: server.serverPrice!,
      gpusPerServer: server.gpusPerServer,
      installationPerServer: 10_000,
      gpuTdpW: server.gpuTdpW,
      serverBaseW: server.serverBaseW,
      facilityPerServerMonth: 1_500,
    },
  };
}

/** A rented option on single-tenant hardware that the team counts as its own infrastructure. */
function dedicated(option: ReturnType<typeof selfHostOptionFromRows>) {
  return {
    ...option,
    label: `${option.label}, dedicated`,
    gpu: { ...option.gpu, tenancy: "dedicated" as const },
    dedicatedIsOurInfrastructure: true,
  };
}

export function buildTemplate(id: string): ScenarioInputRaw | null {
  return TEMPLATES.find((t) => t.id === id)?.build() ?? null;
}

/** A catalog row as a self-host option's benchmark. */
export function benchmarkFromRow(r: BenchmarkRow): Benchmark {
  return {
    model: r.model,
    gpuType: r.gpuType,
    stack: r.stack,
    tensorParallel: r.tensorParallel,
    precision: r.precision as Benchmark["precision"],
    concurrency: r.concurrency,
    requestsPerS: r.concurrency === null ? r.requestsPerS : null,
    outputTokensPerS: r.outputTokensPerS,
    itlP50Ms: r.itlP50Ms,
    ttftMs: r.ttftP50Ms,
    ttftP95Ms: null,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    source: r.source,
  };
}
