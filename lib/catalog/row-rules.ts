// One set of rules for a catalog row, whatever brought it in: the admin's form, a price-file
// import or a feed. The preview and the apply of an import run the same rules, so a file the
// preview accepts can always be applied.
import { z } from "zod";
import { PROVISIONING, TENANCY } from "./importers";
import { dayStart } from "../format/dates";

export const MAX_PRICE_PER_M = 1000; // US$ per 1M tokens; the dearest listed model is far below
export const MAX_GPU_HOUR_PRICE = 1000; // US$ per GPU-hour

// Names become keys of lookups and maps: the names of Object.prototype's members are refused.
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype).concat(["prototype"]));

export const rowName = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(120, { error: "Use at most 120 characters." })
    .refine((s) => !RESERVED.has(s), { error: "is a reserved word; choose another name" });

export const httpUrl = z
  .string({ error: "must be an http(s) link" })
  .trim()
  .max(500, { error: "Use at most 500 characters." })
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { error: "must be an http(s) link" },
  );

/** A real calendar date written as YYYY-MM-DD (2026-02-30 and 2026-13-45 are refused). */
export const calendarDate = z
  .string({ error: "must be a date like 2026-12-01" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date like 2026-12-01" })
  .refine(
    (s) => {
      const d = dayStart(s);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { error: "is not a calendar date" },
  );

export const perMillion = z
  .number({ error: "must be a number" })
  .finite({ error: "must be a finite number" })
  .min(0, { error: "cannot be negative" })
  .max(MAX_PRICE_PER_M, { error: `must be at most ${MAX_PRICE_PER_M}` });
export const gpuHourPrice = z
  .number({ error: "must be a number" })
  .finite({ error: "must be a finite number" })
  .min(0, { error: "cannot be negative" })
  .max(MAX_GPU_HOUR_PRICE, { error: `must be at most ${MAX_GPU_HOUR_PRICE}` });
const share = z.number().finite().min(0, { error: "must be between 0 and 1" }).max(1, { error: "must be between 0 and 1" });
const positive = (max: number) =>
  z
    .number()
    .finite({ error: "must be a finite number" })
    .positive({ error: "must be greater than 0" })
    .max(max, { error: `must be at most ${max}` });
const hourOfDay = z.number().finite().min(0, { error: "must be an hour from 0 to 24" }).max(24, { error: "must be an hour from 0 to 24" });
const shortText = z.string().trim().min(1).max(40, { error: "Use at most 40 characters." });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` })
    .nullable()
    .default(null);
const names = z.array(shortText).max(20, { error: "List at most 20." }).default([]);
const checkedDate = z.date().refine((d) => !Number.isNaN(d.getTime()), { error: "is not a date" });

const gpuCount = z
  .number()
  .int({ error: "must be a whole number" })
  .min(1, { error: "must be at least 1" })
  .max(64, { error: "must be at most 64" });

export const apiPriceFields = {
  provider: rowName("Provider"),
  model: rowName("Model"),
  region: shortText.default("global"),
  tier: shortText.default("standard"),
  inputPerM: perMillion,
  cachedInputPerM: perMillion.nullable().default(null),
  cacheWritePerM: perMillion.nullable().default(null),
  outputPerM: perMillion,
  batchDiscount: share.nullable().default(null),
  offPeakStartUtc: hourOfDay.nullable().default(null),
  offPeakEndUtc: hourOfDay.nullable().default(null),
  offPeakInputPerM: perMillion.nullable().default(null),
  offPeakOutputPerM: perMillion.nullable().default(null),
  sourceUrl: httpUrl,
  // Compliance and latency: empty or null means nobody verified it, which constraints report as such.
  dataRegions: names,
  certifications: names,
  zeroDataRetention: z.boolean({ error: "must be true, false or null" }).nullable().default(null),
  dataRetention: optionalText(300),
  typicalTtftMs: z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number of ms" })
    .positive({ error: "must be greater than 0" })
    .max(120_000, { error: "must be at most 120000" })
    .nullable()
    .default(null),
  note: optionalText(500),
};

export const gpuOfferFields = {
  provider: rowName("Provider"),
  gpuType: rowName("GPU type"),
  memoryGb: positive(2000),
  bandwidthGbS: positive(100_000),
  bf16Tflops: positive(100_000),
  fp8Tflops: positive(100_000).nullable().default(null),
  provisioning: z.enum(PROVISIONING, { error: `must be one of ${PROVISIONING.join(", ")}` }).default("on_demand"),
  tenancy: z.enum(TENANCY, { error: `must be one of ${TENANCY.join(", ")}` }).default("shared_cloud"),
  pricePerGpuHour: gpuHourPrice,
  minGpus: gpuCount.default(1),
  gpusPerNode: gpuCount.default(8),
  regions: z.array(shortText).max(50).default([]),
  certifications: names,
  pricingTerms: optionalText(300),
  note: optionalText(500),
  sourceUrl: httpUrl,
};

/** The same fields for a change to an existing row: a field left out stays as it is (no defaults). */
export function patchOf<S extends z.ZodRawShape>(shape: S) {
  const out: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(shape))
    out[k] = (f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : (f as z.ZodType)).optional();
  return z.object(out as { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T> ? T : S[K]> });
}

/** An imported API price row: the form's rules, plus the long-context tier and a checked date. */
export const ApiPriceRowSchema = z.object({
  ...apiPriceFields,
  longContextThreshold: z.number().int().positive().max(10_000_000).nullable(),
  longContextInputPerM: perMillion.nullable(),
  longContextOutputPerM: perMillion.nullable(),
  checkedAt: checkedDate,
});

export const GpuOfferRowSchema = z.object({ ...gpuOfferFields, checkedAt: checkedDate });
