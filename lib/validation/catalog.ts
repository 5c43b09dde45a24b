import { z } from "zod";
import { apiPriceFields, calendarDate, gpuOfferFields, httpUrl, patchOf } from "../catalog/row-rules";

const label = z.string().trim().min(1, { error: "Give the version a label." }).max(80, { error: "Use at most 80 characters." });
const date = calendarDate;
const url = httpUrl;

export const CreateDraftSchema = z.object({
  label,
  effectiveDate: date,
  sourceNote: z.string().trim().max(2000).default(""),
  basedOn: z.string().max(64).optional(),
});

export const PublishSchema = z.object({ label, effectiveDate: date, sourceNote: z.string().trim().max(2000).optional() });

export const ApiPriceEditSchema = z.object({ ...apiPriceFields, checkedAt: date });

export const GpuOfferEditSchema = z.object({ ...gpuOfferFields, checkedAt: date });

/** A change to one row: only the fields given are written. */
export const ApiPricePatchSchema = patchOf(ApiPriceEditSchema.shape);
export const GpuOfferPatchSchema = patchOf(GpuOfferEditSchema.shape);

/** A price file: up to 20 MB of text (LiteLLM's full file is a few MB). */
export const ImportSchema = z.object({
  format: z.enum(["litellm", "llm-prices", "genai-prices", "gpu-csv"], { error: "must be litellm, llm-prices, genai-prices or gpu-csv" }),
  text: z.string().min(1, { error: "The file is empty." }).max(20_000_000, { error: "The file is larger than 20 MB." }),
  mode: z.enum(["merge", "replace"]).default("merge"),
  sourceUrl: url.optional(),
});

export const ThresholdSchema = z.object({
  percent: z.number({ error: "must be a number" }).finite().min(0, { error: "cannot be negative" }).max(1000).nullable().default(null),
  usd: z.number({ error: "must be a number" }).finite().min(0, { error: "cannot be negative" }).max(1e9).nullable().default(null),
});

export const HistoryQuerySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("api"),
    provider: z.string().min(1, { error: "is required" }).max(120),
    model: z.string().min(1, { error: "is required" }).max(200),
  }),
  z.object({
    kind: z.literal("gpu"),
    provider: z.string().min(1, { error: "is required" }).max(120),
    gpuType: z.string().min(1, { error: "is required" }).max(120),
  }),
]);

export const FEED_FORMATS = ["litellm", "llm-prices", "genai-prices", "gpu-csv"] as const;
export const FEED_SCHEDULES = ["hourly", "daily", "weekly", "manual"] as const;

export const FeedSchema = z.object({
  name: z.string().trim().min(1, { error: "is required" }).max(60, { error: "Use at most 60 characters." }),
  url,
  format: z.enum(FEED_FORMATS, { error: `must be one of ${FEED_FORMATS.join(", ")}` }),
  schedule: z.enum(FEED_SCHEDULES, { error: `must be one of ${FEED_SCHEDULES.join(", ")}` }).default("daily"),
  autoPublish: z.boolean({ error: "must be true or false" }).default(false),
  maxPriceChangePercent: z
    .number({ error: "must be a number" })
    .finite()
    .min(0, { error: "cannot be negative" })
    .max(1000, { error: "must be at most 1000" })
    .default(10),
  maxRowChanges: z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "cannot be negative" })
    .max(10_000, { error: "must be at most 10000" })
    .default(5),
  retireMissing: z.boolean({ error: "must be true or false" }).default(false),
});
export type FeedInput = z.infer<typeof FeedSchema>;
