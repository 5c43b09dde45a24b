// The reference catalog's prices: API models (with their endpoints' regions, certifications and
// retention) and GPU offers (with region, tenancy, node size and terms). Every row names its
// source and the day its figures were published or checked; what could not be sourced is said in
// the row's note, and left empty so constraints report it as "not verified" rather than met.
import { GPU_SPECS } from "./reference-catalog";
import type { ApiPriceRow, GpuOfferRow } from "./import-rows";
import { dayStart } from "../format/dates";

export const REFERENCE_CATALOG_LABEL = "2026-12 reference";
export const REFERENCE_EFFECTIVE_DATE = "2026-12-02";

export type ReferenceApiPrice = {
  provider: string;
  model: string;
  /** The endpoint the prices are for: global, or a regional one (EU data zone, EU regions). */
  region?: string;
  inputPerM: number;
  cachedInputPerM: number | null;
  cacheWritePerM?: number | null;
  outputPerM: number;
  batchDiscount: number | null;
  longContext?: { threshold: number; inputPerM: number; outputPerM: number };
  sourceUrl: string;
  checkedAt: string;
  dataRegions: string[];
  certifications: string[];
  zeroDataRetention: boolean | null;
  dataRetention: string | null;
  typicalTtftMs?: number | null;
  note: string | null;
};

// Figures this catalog carries from the providers' pages as they stood on the day given; the
// machine that built it had no network, so none was re-opened on the catalog's effective date.
const NOT_RECHECKED = "Prices as the provider published them on the checked date; re-check before relying on them.";
const NO_TTFT = "No time-to-first-token figure is published by the provider.";
const REVIEW_REPORTED =
  "Price as reported by the December 2026 catalog review; not checked against the provider's page, cache prices not reported (cached tokens are priced as input).";

// What each provider states about compliance, on the trust or privacy page named in the note.
const OPENAI = {
  sourceUrl: "https://openai.com/api/pricing/",
  dataRegions: ["global"],
  certifications: ["SOC 2", "ISO 27001", "GDPR DPA", "HIPAA BAA"],
  zeroDataRetention: true,
  dataRetention: "API inputs and outputs kept up to 30 days for abuse monitoring; zero data retention for approved organisations.",
};
const ANTHROPIC = {
  sourceUrl: "https://www.anthropic.com/pricing#api",
  dataRegions: ["global"],
  certifications: ["SOC 2", "ISO 27001", "GDPR DPA", "HIPAA BAA"],
  zeroDataRetention: true,
  dataRetention: "API inputs and outputs deleted within 30 days by default; zero data retention by agreement.",
};
const GOOGLE = {
  sourceUrl: "https://ai.google.dev/gemini-api/docs/pricing",
  dataRegions: ["global"],
  certifications: [],
  zeroDataRetention: false,
  dataRetention: "Paid tier: prompts and responses logged for a limited period for abuse monitoring, not used for training.",
};
const AZURE_EU = {
  provider: "Azure OpenAI",
  region: "EU data zone",
  sourceUrl: "https://azure.microsoft.com/en-us/pricing/details/cognitive-services/openai-service/",
  dataRegions: ["eu"],
  certifications: ["SOC 2", "ISO 27001", "GDPR DPA", "HIPAA BAA"],
  zeroDataRetention: true,
  dataRetention:
    "Prompts kept up to 30 days for abuse monitoring unless modified abuse monitoring (no storage) is approved; processed within EU member states.",
};
const BEDROCK_EU = {
  provider: "Amazon Bedrock",
  region: "EU cross-region",
  sourceUrl: "https://aws.amazon.com/bedrock/pricing/",
  dataRegions: ["eu"],
  certifications: ["SOC 2", "ISO 27001", "GDPR DPA", "HIPAA BAA"],
  zeroDataRetention: true,
  dataRetention: "Bedrock does not store prompts or completions; EU inference profiles route only between EU regions.",
};
const MISTRAL = {
  provider: "Mistral",
  region: "EU",
  sourceUrl: "https://mistral.ai/pricing#api-pricing",
  dataRegions: ["eu"],
  certifications: ["SOC 2", "ISO 27001", "GDPR DPA"],
  zeroDataRetention: true,
  dataRetention: "La Plateforme is hosted in the EU; inputs and outputs kept 30 days for abuse monitoring, zero retention on request.",
};
const UNVERIFIED = { dataRegions: [], certifications: [], zeroDataRetention: null, dataRetention: null };

// $ per 1M tokens. Batch APIs: 50% off where offered.
export const REFERENCE_API_PRICES: ReferenceApiPrice[] = [
  { provider: "OpenAI", model: "GPT-5.1", inputPerM: 1.25, cachedInputPerM: 0.125, outputPerM: 10, batchDiscount: 0.5, ...OPENAI, checkedAt: "2025-11-13", note: `${NOT_RECHECKED} ${NO_TTFT}` },
  { provider: "OpenAI", model: "GPT-5", inputPerM: 1.25, cachedInputPerM: 0.125, outputPerM: 10, batchDiscount: 0.5, ...OPENAI, checkedAt: "2026-09-25", note: NO_TTFT },
  { provider: "OpenAI", model: "GPT-5 mini", inputPerM: 0.25, cachedInputPerM: 0.025, outputPerM: 2, batchDiscount: 0.5, ...OPENAI, checkedAt: "2026-09-25", note: NO_TTFT },
  { provider: "OpenAI", model: "GPT-5 nano", inputPerM: 0.05, cachedInputPerM: 0.005, outputPerM: 0.4, batchDiscount: 0.5, ...OPENAI, checkedAt: "2025-08-07", note: `${NOT_RECHECKED} ${NO_TTFT}` },
  { provider: "OpenAI", model: "GPT-4.1", inputPerM: 2, cachedInputPerM: 0.5, outputPerM: 8, batchDiscount: 0.5, ...OPENAI, checkedAt: "2026-09-25", note: NO_TTFT },
  { provider: "OpenAI", model: "GPT-4o", inputPerM: 2.5, cachedInputPerM: 1.25, outputPerM: 10, batchDiscount: 0.5, ...OPENAI, checkedAt: "2026-09-25", note: NO_TTFT },
  { provider: "OpenAI", model: "GPT-4o-mini", inputPerM: 0.15, cachedInputPerM: 0.075, outputPerM: 0.6, batchDiscount: 0.5, ...OPENAI, checkedAt: "2026-09-25", note: NO_TTFT },
  { provider: "Anthropic", model: "Claude Sonnet 5.5", inputPerM: 2, cachedInputPerM: null, outputPerM: 10, batchDiscount: 0.5, ...ANTHROPIC, checkedAt: "2026-12-01", note: `${REVIEW_REPORTED} ${NO_TTFT}` },
  { provider: "Anthropic", model: "Claude Opus 4.5", inputPerM: 5, cachedInputPerM: 0.5, cacheWritePerM: 6.25, outputPerM: 25, batchDiscount: 0.5, ...ANTHROPIC, checkedAt: "2025-11-24", note: `${NOT_RECHECKED} ${NO_TTFT}` },
  { provider: "Anthropic", model: "Claude Sonnet 4.5", inputPerM: 3, cachedInputPerM: 0.3, cacheWritePerM: 3.75, outputPerM: 15, batchDiscount: 0.5, ...ANTHROPIC, checkedAt: "2026-09-25", note: `Retired on 2026-11-30 as the catalog review reports: kept so saved scenarios still re-price; choose a current model for new work. ${NO_TTFT}` },
  { provider: "Anthropic", model: "Claude Haiku 4.5", inputPerM: 1, cachedInputPerM: 0.1, cacheWritePerM: 1.25, outputPerM: 5, batchDiscount: 0.5, ...ANTHROPIC, checkedAt: "2026-09-25", note: NO_TTFT },
  { provider: "Google", model: "Gemini 3 Pro", inputPerM: 2, cachedInputPerM: 0.2, outputPerM: 12, batchDiscount: 0.5, longContext: { threshold: 200_000, inputPerM: 4, outputPerM: 18 }, ...GOOGLE, checkedAt: "2025-11-18", note: `${NOT_RECHECKED} Certifications of the Gemini Developer API are not stated on its pages (Vertex AI's are): not verified. ${NO_TTFT}` },
  { provider: "Google", model: "Gemini 2.5 Pro", inputPerM: 1.25, cachedInputPerM: 0.125, outputPerM: 10, batchDiscount: 0.5, longContext: { threshold: 200_000, inputPerM: 2.5, outputPerM: 15 }, ...GOOGLE, checkedAt: "2025-06-17", note: `${NOT_RECHECKED} Certifications not verified (as Gemini 3 Pro). ${NO_TTFT}` },
  { provider: "Google", model: "Gemini 2.5 Flash", inputPerM: 0.3, cachedInputPerM: 0.03, outputPerM: 2.5, batchDiscount: 0.5, ...GOOGLE, checkedAt: "2026-09-25", note: `Certifications not verified (as Gemini 3 Pro). ${NO_TTFT}` },
  { provider: "Google", model: "Gemini 2.5 Flash-Lite", inputPerM: 0.1, cachedInputPerM: 0.01, outputPerM: 0.4, batchDiscount: 0.5, ...GOOGLE, checkedAt: "2025-07-22", note: `${NOT_RECHECKED} Certifications not verified (as Gemini 3 Pro). ${NO_TTFT}` },
  {
    provider: "DeepSeek",
    model: "DeepSeek V3.2",
    inputPerM: 0.28,
    cachedInputPerM: 0.028,
    outputPerM: 0.42,
    batchDiscount: null,
    sourceUrl: "https://api-docs.deepseek.com/quick_start/pricing",
    checkedAt: "2025-09-29",
    dataRegions: ["cn"],
    certifications: [],
    zeroDataRetention: false,
    dataRetention: "Requests are stored on servers in the People's Republic of China (DeepSeek privacy policy).",
    note: `${NOT_RECHECKED} The off-peak prices DeepSeek bills in 2026 were not available to check: enter them in the row's off-peak fields. No certifications are published. ${NO_TTFT}`,
  },
  {
    provider: "DeepSeek",
    model: "DeepSeek V3",
    inputPerM: 0.27,
    cachedInputPerM: 0.07,
    outputPerM: 1.1,
    batchDiscount: null,
    sourceUrl: "https://api-docs.deepseek.com/quick_start/pricing",
    checkedAt: "2026-09-25",
    dataRegions: ["cn"],
    certifications: [],
    zeroDataRetention: false,
    dataRetention: "Requests are stored on servers in the People's Republic of China (DeepSeek privacy policy).",
    note: "The deepseek-chat (V3) name was retired in July 2026: kept so saved scenarios still re-price; choose DeepSeek V3.2 for new work.",
  },
  { provider: "Groq", model: "Llama 3.1 8B", inputPerM: 0.05, cachedInputPerM: null, outputPerM: 0.08, batchDiscount: 0.5, sourceUrl: "https://groq.com/pricing", checkedAt: "2026-09-25", ...UNVERIFIED, note: `Regions, certifications and retention are not stated on the pricing page: not verified. ${NO_TTFT}` },
  { provider: "Groq", model: "Llama 3.3 70B", inputPerM: 0.59, cachedInputPerM: null, outputPerM: 0.79, batchDiscount: 0.5, sourceUrl: "https://groq.com/pricing", checkedAt: "2025-04-01", ...UNVERIFIED, note: `${NOT_RECHECKED} Regions, certifications and retention not verified. ${NO_TTFT}` },
  { provider: "Together", model: "Llama 3.3 70B", inputPerM: 0.88, cachedInputPerM: null, outputPerM: 0.88, batchDiscount: 0.5, sourceUrl: "https://www.together.ai/pricing", checkedAt: "2026-09-25", ...UNVERIFIED, note: `Regions, certifications and retention are not stated on the pricing page: not verified. ${NO_TTFT}` },
  { provider: "Together", model: "Llama 3.1 8B", inputPerM: 0.18, cachedInputPerM: null, outputPerM: 0.18, batchDiscount: 0.5, sourceUrl: "https://www.together.ai/pricing", checkedAt: "2025-04-01", ...UNVERIFIED, note: `${NOT_RECHECKED} Regions, certifications and retention not verified. ${NO_TTFT}` },
  { model: "Mistral Medium 3", inputPerM: 0.4, cachedInputPerM: null, outputPerM: 2, batchDiscount: 0.5, ...MISTRAL, checkedAt: "2025-05-07", note: `${NOT_RECHECKED} ${NO_TTFT}` },
  { model: "Mistral Small 3.2", inputPerM: 0.1, cachedInputPerM: null, outputPerM: 0.3, batchDiscount: 0.5, ...MISTRAL, checkedAt: "2025-06-20", note: `${NOT_RECHECKED} ${NO_TTFT}` },
  // Data-zone and regional endpoints are billed 10% above the global ones.
  { model: "GPT-5", inputPerM: 1.375, cachedInputPerM: 0.1375, outputPerM: 11, batchDiscount: 0.5, ...AZURE_EU, checkedAt: "2025-08-07", note: `${NOT_RECHECKED} ${NO_TTFT}` },
  { model: "GPT-4.1", inputPerM: 2.2, cachedInputPerM: 0.55, outputPerM: 8.8, batchDiscount: 0.5, ...AZURE_EU, checkedAt: "2025-04-14", note: `${NOT_RECHECKED} ${NO_TTFT}` },
  { model: "Claude Sonnet 4.5", inputPerM: 3.3, cachedInputPerM: 0.33, cacheWritePerM: 4.125, outputPerM: 16.5, batchDiscount: 0.5, ...BEDROCK_EU, checkedAt: "2025-09-29", note: `${NOT_RECHECKED} ${NO_TTFT}` },
  { model: "Claude Haiku 4.5", inputPerM: 1.1, cachedInputPerM: 0.11, cacheWritePerM: 1.375, outputPerM: 5.5, batchDiscount: 0.5, ...BEDROCK_EU, checkedAt: "2025-10-15", note: `${NOT_RECHECKED} ${NO_TTFT}` },
];

export type ReferenceGpuOffer = {
  provider: string;
  gpu: keyof typeof GPU_SPECS;
  price: number;
  minGpus?: number;
  gpusPerNode?: number;
  tenancy?: "community";
  regions: string[];
  certifications: string[];
  pricingTerms: string;
  sourceUrl: string;
  checkedAt: string;
  note: string | null;
};

const SILYBENCH = { sourceUrl: "https://github.com/tgarg01/silybench-data", checkedAt: "2026-09-25" };
const RUNPOD_COMMUNITY = {
  ...SILYBENCH,
  tenancy: "community" as const,
  regions: [],
  certifications: [],
  pricingTerms: "Per-second billing, no commitment; hosts are third parties.",
  note: "Host regions vary by listing: not verified.",
};
const RUNPOD_SECURE = {
  ...SILYBENCH,
  regions: [],
  certifications: [],
  pricingTerms: "Per-second billing, no commitment; RunPod's own data centres.",
  note: "Regions and certifications not verified from the source.",
};
const LAMBDA = { ...SILYBENCH, regions: ["us"], certifications: [], pricingTerms: "Billed by the minute, on demand.", note: "Certifications not verified." };
const NEBIUS = { ...SILYBENCH, regions: ["eu", "us"], certifications: [], pricingTerms: "Billed by the hour, on demand; reservations cheaper.", note: "Certifications not verified." };
const HYPERSCALER = {
  minGpus: 8,
  certifications: ["SOC 2", "ISO 27001", "GDPR DPA", "HIPAA BAA"],
  pricingTerms: "Whole 8-GPU instances billed per second on demand; savings plans and reservations cheaper.",
};

// $ per GPU-hour on demand, from silybench-data gpu_prices.csv unless the row names another source.
export const REFERENCE_GPU_OFFERS: ReferenceGpuOffer[] = [
  {
    provider: "Reference cloud",
    gpu: "H100 SXM",
    price: 2.54,
    ...SILYBENCH,
    regions: [],
    certifications: [],
    pricingTerms: "Not a provider's offer.",
    note: "No source: the commonly quoted H100 rate of DESIGN.md's worked example, not any provider's price. Compare with a named offer before deciding.",
  },
  { provider: "RunPod Community", gpu: "H100 SXM", price: 2.69, ...RUNPOD_COMMUNITY },
  { provider: "RunPod Secure", gpu: "H100 SXM", price: 3.49, ...RUNPOD_SECURE },
  { provider: "Lambda", gpu: "H100 SXM", price: 4.29, ...LAMBDA },
  { provider: "Nebius", gpu: "H100 SXM", price: 3.85, ...NEBIUS },
  {
    provider: "AWS p5",
    gpu: "H100 SXM",
    price: 6.88,
    ...HYPERSCALER,
    regions: ["us", "eu"],
    sourceUrl: "https://aws.amazon.com/ec2/pricing/on-demand/",
    checkedAt: "2025-06-05",
    note: "p5.48xlarge at $55.04 an hour for 8 GPUs in us-east-1 after AWS's June 2025 reduction; not re-checked since.",
  },
  {
    provider: "Azure ND H100 v5",
    gpu: "H100 SXM",
    price: 12.29,
    ...HYPERSCALER,
    regions: ["us", "eu"],
    sourceUrl: "https://azure.microsoft.com/en-us/pricing/details/virtual-machines/linux/",
    checkedAt: "2025-03-01",
    note: "ND96isr H100 v5 at $98.32 an hour for 8 GPUs (East US), pay as you go; not re-checked since.",
  },
  {
    provider: "Google Cloud A3",
    gpu: "H100 SXM",
    price: 11.06,
    ...HYPERSCALER,
    regions: ["us", "eu"],
    sourceUrl: "https://cloud.google.com/compute/gpus-pricing",
    checkedAt: "2025-03-01",
    note: "a3-highgpu-8g at about $88.49 an hour for 8 GPUs (us-central1), on demand; not re-checked since.",
  },
  { provider: "RunPod Community", gpu: "H200 SXM", price: 3.59, ...RUNPOD_COMMUNITY },
  { provider: "RunPod Secure", gpu: "H200 SXM", price: 4.59, ...RUNPOD_SECURE },
  { provider: "Nebius", gpu: "H200 SXM", price: 4.5, ...NEBIUS },
  { provider: "RunPod Community", gpu: "A100 80GB", price: 1.39, ...RUNPOD_COMMUNITY },
  { provider: "RunPod Secure", gpu: "A100 80GB", price: 1.59, ...RUNPOD_SECURE },
  { provider: "RunPod Community", gpu: "L40S", price: 0.79, ...RUNPOD_COMMUNITY },
  { provider: "RunPod Secure", gpu: "L40S", price: 1.09, ...RUNPOD_SECURE },
  {
    provider: "RunPod Community",
    gpu: "B200",
    price: 5.98,
    ...RUNPOD_COMMUNITY,
    note: "silybench-data lists this as RunPod's community price; the secure-cloud B200 price was not in the source.",
  },
  { provider: "Lambda", gpu: "B200", price: 6.99, ...LAMBDA },
];

/** The reference API prices as catalog rows. */
export function referenceApiRows(): ApiPriceRow[] {
  return REFERENCE_API_PRICES.map(({ longContext, checkedAt, cacheWritePerM, region, typicalTtftMs, ...p }) => ({
    ...p,
    region: region ?? "global",
    tier: "standard",
    cacheWritePerM: cacheWritePerM ?? null,
    longContextThreshold: longContext?.threshold ?? null,
    longContextInputPerM: longContext?.inputPerM ?? null,
    longContextOutputPerM: longContext?.outputPerM ?? null,
    typicalTtftMs: typicalTtftMs ?? null,
    checkedAt: dayStart(checkedAt),
  }));
}

/** The reference GPU offers as catalog rows, with their GPUs' data-sheet figures. */
export function referenceGpuRows(): (GpuOfferRow & { tenancy: NonNullable<GpuOfferRow["tenancy"]> })[] {
  return REFERENCE_GPU_OFFERS.map(({ gpu, price, minGpus, gpusPerNode, tenancy, checkedAt, ...o }) => {
    const { specSource: _s, ...spec } = GPU_SPECS[gpu];
    return {
      ...o,
      ...spec,
      provisioning: "on_demand" as const,
      tenancy: tenancy ?? "shared_cloud",
      pricePerGpuHour: price,
      minGpus: minGpus ?? 1,
      gpusPerNode: gpusPerNode ?? 8,
      checkedAt: dayStart(checkedAt),
    };
  });
}
