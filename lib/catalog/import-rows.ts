// What every price import shares: the normalized rows, row-level errors, the file-level error,
// JSON and price-field reading, and the keys that identify a row.

export type ApiPriceRow = {
  provider: string;
  model: string;
  region: string;
  tier: string;
  inputPerM: number;
  cachedInputPerM: number | null;
  cacheWritePerM: number | null;
  outputPerM: number;
  batchDiscount: number | null;
  longContextThreshold: number | null;
  longContextInputPerM: number | null;
  longContextOutputPerM: number | null;
  /** Off-peak window (UTC hours) and prices; null when the provider bills every hour alike. */
  offPeakStartUtc?: number | null;
  offPeakEndUtc?: number | null;
  offPeakInputPerM?: number | null;
  offPeakOutputPerM?: number | null;
  sourceUrl: string;
  checkedAt: Date;
} & Partial<ApiRowAttributes>;

/** What a provider states about an endpoint; price files rarely carry it, so imports leave it as it is. */
export type ApiRowAttributes = {
  dataRegions: string[];
  certifications: string[];
  zeroDataRetention: boolean | null;
  dataRetention: string | null;
  typicalTtftMs: number | null;
  note: string | null;
};

/** A row's attributes, unverified where it has none. */
export const apiAttributesOf = (r: Partial<ApiRowAttributes>): ApiRowAttributes => ({
  dataRegions: r.dataRegions ?? [],
  certifications: r.certifications ?? [],
  zeroDataRetention: r.zeroDataRetention ?? null,
  dataRetention: r.dataRetention ?? null,
  typicalTtftMs: r.typicalTtftMs ?? null,
  note: r.note ?? null,
});

export const PROVISIONING = ["on_demand", "reserved_1y", "reserved_3y", "spot"] as const;
export type Provisioning = (typeof PROVISIONING)[number];
export const TENANCY = ["on_prem", "dedicated", "shared_cloud", "community"] as const;
export type TenancyRow = (typeof TENANCY)[number];

export type GpuOfferRow = {
  provider: string;
  gpuType: string;
  memoryGb: number;
  bandwidthGbS: number;
  bf16Tflops: number;
  fp8Tflops: number | null;
  provisioning: Provisioning;
  /** Left out when the file has no tenancy column: the draft keeps what it has. */
  tenancy?: TenancyRow;
  pricePerGpuHour: number;
  minGpus: number;
  regions: string[];
  sourceUrl: string;
  checkedAt: Date;
  gpusPerNode?: number;
  certifications?: string[];
  pricingTerms?: string | null;
  note?: string | null;
};

export type RowError = { row: string; field?: string; message: string };
export type Skipped = { row: string; reason: string };
export type Parsed<T> = { rows: T[]; skipped: Skipped[]; errors: RowError[] };
export type ImportFormat = "litellm" | "llm-prices" | "genai-prices" | "gpu-csv";
export type ImportKind = "api" | "gpu";
export const FORMAT_KIND: Record<ImportFormat, ImportKind> = {
  litellm: "api",
  "llm-prices": "api",
  "genai-prices": "api",
  "gpu-csv": "gpu",
};

export const PER_MILLION = 1_000_000;
/** US$ per token → US$ per million tokens, without float noise (1.5e-7 × 1e6 = 0.15, not 0.15000000000000002). */
export const perMillion = (perToken: number) => Math.round(perToken * PER_MILLION * 1e9) / 1e9;

export function fail(message: string): never {
  throw new ImportFileError(message);
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`Not valid JSON: ${(error as Error).message}`);
  }
}

/** A price field: absent → null; present → a finite number ≥ 0, else an error naming the field. */
export function price(value: unknown, row: string, field: string, errors: RowError[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    errors.push({ row, field, message: `must be a number, got ${JSON.stringify(value)?.slice(0, 40)}` });
    return null;
  }
  if (value < 0) {
    errors.push({ row, field, message: "cannot be negative" });
    return null;
  }
  return value;
}

export const apiKey = (r: Pick<ApiPriceRow, "provider" | "model" | "region" | "tier">) => `${r.provider}|${r.model}|${r.region}|${r.tier}`;
export const gpuKey = (r: Pick<GpuOfferRow, "provider" | "gpuType" | "provisioning">) => `${r.provider}|${r.gpuType}|${r.provisioning}`;

export function dedupe<T>(rows: T[], key: (r: T) => string, errors: RowError[]): T[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k)) errors.push({ row: k.replace(/\|/g, " · "), message: "appears twice in the file" });
    seen.add(k);
  }
  return rows;
}
