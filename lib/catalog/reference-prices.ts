// The reference catalog's prices: API models (with their endpoints' regions, certifications and
// retention) and GPU offers (with region, tenancy, node size and terms). Every row names its
// source and the day its figures were published or checked; what could not be sourced is said in
// the row's note, and left empty so constraints report it as "not verified" rather than met.
import { GPU_SPECS } from "./reference-catalog";
import type { ApiPriceRow, GpuOfferRow } from "./import-rows";
import { dayStart } from "../format/dates";

export const REFERENCE_CATALOG_LABEL = "2026-12 reference";
export const REFERENCE_EFFECTIVE_DATE = "2026-12-01";

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
const DEEPSEEK = {
  sourceUrl: "https://api-docs.deepseek.com/quick_start/pricing",
  dataRegions: ["cn"],
  certifications: [],
  zeroDataRetention: false,
  dataRetention: "Requests are stored on servers in the People's Republic of China (DeepSeek privacy policy).",
};
const UNVERIFIED = { dataRegions: [], certifications: [], zeroDataRetention: null, dataRetention: null };

type Provider = Omit<ReferenceApiPrice, "model" | "inputPerM" | "cachedInputPerM" | "outputPerM" | "batchDiscount" | "checkedAt" | "note">;

/** A row of one provider: prices as [input, cached input, output] per 1M tokens; batch 50% off unless `extra` says otherwise. */
const priced =
  (base: Provider) =>
  (model: string, [inputPerM, cachedInputPerM, outputPerM]: [number, number | null, number], checkedAt: string, note: string, extra = {}) =>
    ({ ...base, model, inputPerM, cachedInputPerM, outputPerM, batchDiscount: 0.5, checkedAt, note, ...extra }) as ReferenceApiPrice;

const openai = priced({ provider: "OpenAI", ...OPENAI });
const anthropic = priced({ provider: "Anthropic", ...ANTHROPIC });
const google = priced({ provider: "Google", ...GOOGLE });
const deepseek = priced({ provider: "DeepSeek", ...DEEPSEEK });
const groq = priced({ provider: "Groq", sourceUrl: "https://groq.com/pricing", ...UNVERIFIED });
const together = priced({ provider: "Together", sourceUrl: "https://www.together.ai/pricing", ...UNVERIFIED });
const mistral = priced(MISTRAL);
const azureEu = priced(AZURE_EU);
const bedrockEu = priced(BEDROCK_EU);
const RECENT = `${NOT_RECHECKED} ${NO_TTFT}`;
const GEMINI_CERTS = "Certifications of the Gemini Developer API are not stated on its pages (Vertex AI's are): not verified.";
const UNSTATED = "Regions, certifications and retention are not stated on the pricing page: not verified.";

// $ per 1M tokens. Data-zone and regional endpoints are billed 10% above the global ones.
export const REFERENCE_API_PRICES: ReferenceApiPrice[] = [
  openai("GPT-5.1", [1.25, 0.125, 10], "2025-11-13", RECENT),
  openai("GPT-5", [1.25, 0.125, 10], "2026-09-25", NO_TTFT),
  openai("GPT-5 mini", [0.25, 0.025, 2], "2026-09-25", NO_TTFT),
  openai("GPT-5 nano", [0.05, 0.005, 0.4], "2025-08-07", RECENT),
  openai("GPT-4.1", [2, 0.5, 8], "2026-09-25", NO_TTFT),
  openai("GPT-4o", [2.5, 1.25, 10], "2026-09-25", NO_TTFT),
  openai("GPT-4o-mini", [0.15, 0.075, 0.6], "2026-09-25", NO_TTFT),
  anthropic("Claude Sonnet 5.5", [2, null, 10], "2026-12-01", `${REVIEW_REPORTED} ${NO_TTFT}`),
  anthropic("Claude Opus 4.5", [5, 0.5, 25], "2025-11-24", RECENT, { cacheWritePerM: 6.25 }),
  anthropic(
    "Claude Sonnet 4.5",
    [3, 0.3, 15],
    "2026-09-25",
    `Retired on 2026-11-30 as the catalog review reports: kept so saved scenarios still re-price; choose a current model for new work. ${NO_TTFT}`,
    { cacheWritePerM: 3.75 },
  ),
  anthropic("Claude Haiku 4.5", [1, 0.1, 5], "2026-09-25", NO_TTFT, { cacheWritePerM: 1.25 }),
  google("Gemini 3 Pro", [2, 0.2, 12], "2025-11-18", `${RECENT} ${GEMINI_CERTS}`, {
    longContext: { threshold: 200_000, inputPerM: 4, outputPerM: 18 },
  }),
  google("Gemini 2.5 Pro", [1.25, 0.125, 10], "2025-06-17", `${RECENT} ${GEMINI_CERTS}`, {
    longContext: { threshold: 200_000, inputPerM: 2.5, outputPerM: 15 },
  }),
  google("Gemini 2.5 Flash", [0.3, 0.03, 2.5], "2026-09-25", `${NO_TTFT} ${GEMINI_CERTS}`),
  google("Gemini 2.5 Flash-Lite", [0.1, 0.01, 0.4], "2025-07-22", `${RECENT} ${GEMINI_CERTS}`),
  deepseek(
    "DeepSeek V3.2",
    [0.28, 0.028, 0.42],
    "2025-09-29",
    `${RECENT} The off-peak prices DeepSeek bills in 2026 were not available to check: enter them in the row's off-peak fields. No certifications are published.`,
    { batchDiscount: null },
  ),
  deepseek(
    "DeepSeek V3",
    [0.27, 0.07, 1.1],
    "2026-09-25",
    "The deepseek-chat (V3) name was retired in July 2026: kept so saved scenarios still re-price; choose DeepSeek V3.2 for new work. No certifications are published.",
    { batchDiscount: null },
  ),
  groq("Llama 3.1 8B", [0.05, null, 0.08], "2026-09-25", `${UNSTATED} ${NO_TTFT}`),
  groq("Llama 3.3 70B", [0.59, null, 0.79], "2025-04-01", `${RECENT} ${UNSTATED}`),
  together("Llama 3.3 70B", [0.88, null, 0.88], "2026-09-25", `${UNSTATED} ${NO_TTFT}`),
  together("Llama 3.1 8B", [0.18, null, 0.18], "2025-04-01", `${RECENT} ${UNSTATED}`),
  mistral("Mistral Medium 3", [0.4, null, 2], "2025-05-07", RECENT),
  mistral("Mistral Small 3.2", [0.1, null, 0.3], "2025-06-20", RECENT),
  azureEu("GPT-5", [1.375, 0.1375, 11], "2025-08-07", RECENT),
  azureEu("GPT-4.1", [2.2, 0.55, 8.8], "2025-04-14", RECENT),
  bedrockEu("Claude Sonnet 4.5", [3.3, 0.33, 16.5], "2025-09-29", RECENT, { cacheWritePerM: 4.125 }),
  bedrockEu("Claude Haiku 4.5", [1.1, 0.11, 5.5], "2025-10-15", RECENT, { cacheWritePerM: 1.375 }),
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
const LAMBDA = {
  ...SILYBENCH,
  regions: ["us"],
  certifications: [],
  pricingTerms: "Billed by the minute, on demand.",
  note: "Certifications not verified.",
};
const NEBIUS = {
  ...SILYBENCH,
  regions: ["eu", "us"],
  certifications: [],
  pricingTerms: "Billed by the hour, on demand; reservations cheaper.",
  note: "Certifications not verified.",
};
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
    note: "silybench-data lists this as RunPod's community price; the secure-cloud B200 price was not in the source. Host regions vary by listing: not verified.",
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
