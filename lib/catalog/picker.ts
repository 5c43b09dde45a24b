// The rows an editor adds options from, and the options they make: API models, model × GPU
// offer (with its tenancy and pricing terms), and throughput rows as benchmarks.
import type { Benchmark, Tenancy } from "../engine";
import { type BenchmarkRow, GPU_SPECS, REFERENCE_OPEN_MODELS } from "./reference-catalog";
import { referenceApiRows, referenceGpuRows } from "./reference-prices";
import { apiAttributesOf, type ApiPriceRow, type GpuOfferRow, type TenancyRow } from "./import-rows";
import { longContextOf, offPeakOf } from "./reprice";
import { isoDay } from "../format/dates";

export const slug = (s: string) =>
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
  /** Service tier (standard unless the row says otherwise) and an off-peak window with its prices. */
  tier?: string;
  offPeak?: { startHourUtc: number; endHourUtc: number; inputPerM: number; cachedInputPerM: number | null; outputPerM: number } | null;
  longContext?: { thresholdTokens: number; inputPerM: number; cachedInputPerM: number | null; outputPerM: number } | null;
  sourceUrl: string;
  checkedAt: string;
  /** The endpoint (global unless a regional one) and what the provider states about it; empty or null = not verified. */
  region?: string;
  dataRegions?: string[];
  certifications?: string[];
  zeroDataRetention?: boolean | null;
  dataRetention?: string | null;
  typicalTtftMs?: number | null;
  note?: string | null;
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
  gpusPerNode?: number;
  regions?: string[];
  certifications?: string[];
  pricingTerms?: string | null;
  note?: string | null;
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

/** The catalog's tenancy names (database enum) as the engine spells them. */
export const TENANCY_OF = { on_prem: "on-prem", dedicated: "dedicated", shared_cloud: "shared-cloud", community: "community" } as const;

/** A catalog API row as the editor offers it, dates as YYYY-MM-DD. */
export function pickerApiRow(r: ApiPriceRow): PickerApiRow {
  return {
    provider: r.provider,
    model: r.model,
    region: r.region,
    tier: r.tier,
    inputPerM: r.inputPerM,
    cachedInputPerM: r.cachedInputPerM,
    cacheWritePerM: r.cacheWritePerM,
    outputPerM: r.outputPerM,
    batchDiscount: r.batchDiscount,
    longContext: longContextOf(r),
    offPeak: offPeakOf({
      offPeakStartUtc: r.offPeakStartUtc ?? null,
      offPeakEndUtc: r.offPeakEndUtc ?? null,
      offPeakInputPerM: r.offPeakInputPerM ?? null,
      offPeakOutputPerM: r.offPeakOutputPerM ?? null,
    }),
    sourceUrl: r.sourceUrl,
    checkedAt: isoDay(r.checkedAt),
    ...apiAttributesOf(r),
  };
}

/** A catalog GPU offer as the editor offers it, with the same GPU's on-demand price there. */
export function pickerGpuRow(o: GpuOfferRow & { tenancy: TenancyRow }, onDemandPrice: number | null): PickerGpuRow {
  return {
    provider: o.provider,
    gpuType: o.gpuType,
    memoryGb: o.memoryGb,
    bandwidthGbS: o.bandwidthGbS,
    bf16Tflops: o.bf16Tflops,
    fp8Tflops: o.fp8Tflops,
    pricePerGpuHour: o.pricePerGpuHour,
    minGpus: o.minGpus,
    tenancy: TENANCY_OF[o.tenancy],
    provisioning: o.provisioning,
    onDemandPrice,
    gpusPerNode: o.gpusPerNode ?? 8,
    regions: o.regions,
    certifications: o.certifications ?? [],
    pricingTerms: o.pricingTerms ?? null,
    note: o.note ?? null,
    sourceUrl: o.sourceUrl,
    checkedAt: isoDay(o.checkedAt),
  };
}

export const REFERENCE_PICKER: PickerCatalog = {
  label: "reference",
  api: referenceApiRows().map(pickerApiRow),
  gpu: referenceGpuRows().map((o) => pickerGpuRow(o, null)),
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

const ENGINE_TIERS = ["priority", "flex", "batch"];

export function apiOptionFromRow(p: PickerApiRow, extra: Record<string, unknown> = {}) {
  const tier = (p.tier && ENGINE_TIERS.includes(p.tier) ? p.tier : "standard") as "standard" | "priority" | "flex" | "batch";
  const region = p.region ?? "global";
  const name = ["Together", "Groq", "Azure OpenAI", "Amazon Bedrock"].includes(p.provider) ? `${p.model} on ${p.provider}` : p.model;
  const qualifiers = [region === "global" ? null : region, tier === "standard" ? null : tier].filter(Boolean);
  return {
    id: slug(`${p.provider}-${p.model}${region === "global" ? "" : `-${region}`}${tier === "standard" ? "" : `-${tier}`}`),
    label: qualifiers.length ? `${name} (${qualifiers.join(", ")})` : name,
    provider: p.provider,
    model: p.model,
    region,
    serviceTier: tier,
    prices: {
      inputPerM: p.inputPerM,
      cachedInputPerM: p.cachedInputPerM,
      cacheWritePerM: p.cacheWritePerM,
      outputPerM: p.outputPerM,
      batchDiscount: p.batchDiscount,
      offPeak: p.offPeak ?? null,
      longContext: p.longContext ?? null,
    },
    source: { name: `${p.provider} pricing page`, url: p.sourceUrl.match(/https?:\/\/\S+/)?.[0] ?? p.sourceUrl, checkedAt: p.checkedAt },
    // What the catalog states; the rest takes the schema's defaults.
    attributes: {
      certifications: p.certifications ?? [],
      zeroDataRetention: p.zeroDataRetention ?? null,
      regions: p.dataRegions ?? [],
      typicalTtftMs: p.typicalTtftMs ?? null,
    },
    ...extra,
  };
}

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
      gpusPerNode: offer.gpusPerNode ?? 8,
      regions: offer.regions ?? [],
      tenancy: offer.tenancy ?? "shared-cloud",
      source: {
        name: sourceName(offer.sourceUrl, `${offer.provider} price list`),
        url: offer.sourceUrl.match(/https?:\/\/\S+/)?.[0] ?? offer.sourceUrl,
        checkedAt: offer.checkedAt,
      },
    },
    certifications: offer.certifications ?? [],
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
