import { z } from "zod";
import { PROVISIONING } from "../catalog/importers";

const label = z.string().trim().min(1, { error: "Give the version a label." }).max(80, { error: "Use at most 80 characters." });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date like 2026-12-01" });
const perM = z.number({ error: "must be a number" }).finite().min(0, { error: "cannot be negative" }).max(1000, { error: "must be at most 1000" });
const name = (what: string) => z.string().trim().min(1, { error: `${what} is required` }).max(120, { error: "Use at most 120 characters." });
const url = z.string().trim().max(500).regex(/^https?:\/\//, { error: "must be an http(s) link" });

export const CreateDraftSchema = z.object({
  label,
  effectiveDate: date,
  sourceNote: z.string().trim().max(2000).default(""),
  basedOn: z.string().max(64).optional(),
});

export const PublishSchema = z.object({ label, effectiveDate: date, sourceNote: z.string().trim().max(2000).optional() });

export const ApiPriceEditSchema = z.object({
  provider: name("Provider"),
  model: name("Model"),
  region: z.string().trim().min(1).max(40).default("global"),
  tier: z.string().trim().min(1).max(40).default("standard"),
  inputPerM: perM,
  cachedInputPerM: perM.nullable().default(null),
  cacheWritePerM: perM.nullable().default(null),
  outputPerM: perM,
  batchDiscount: z.number().finite().min(0, { error: "must be between 0 and 1" }).max(1, { error: "must be between 0 and 1" }).nullable().default(null),
  sourceUrl: url,
  checkedAt: date,
});

export const GpuOfferEditSchema = z.object({
  provider: name("Provider"),
  gpuType: name("GPU type"),
  memoryGb: z.number().finite().positive({ error: "must be greater than 0" }).max(2000),
  bandwidthGbS: z.number().finite().positive({ error: "must be greater than 0" }).max(100_000),
  bf16Tflops: z.number().finite().positive({ error: "must be greater than 0" }).max(100_000),
  fp8Tflops: z.number().finite().positive().max(100_000).nullable().default(null),
  provisioning: z.enum(PROVISIONING, { error: `must be one of ${PROVISIONING.join(", ")}` }).default("on_demand"),
  pricePerGpuHour: z.number({ error: "must be a number" }).finite().min(0, { error: "cannot be negative" }).max(1000, { error: "must be at most 1000" }),
  minGpus: z.number().int({ error: "must be a whole number" }).min(1, { error: "must be at least 1" }).max(64).default(1),
  regions: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  sourceUrl: url,
  checkedAt: date,
});

/** A price file: up to 20 MB of text (LiteLLM's full file is a few MB). */
export const ImportSchema = z.object({
  format: z.enum(["litellm", "llm-prices", "gpu-csv"], { error: "must be litellm, llm-prices or gpu-csv" }),
  text: z.string().min(1, { error: "The file is empty." }).max(20_000_000, { error: "The file is larger than 20 MB." }),
  mode: z.enum(["merge", "replace"]).default("merge"),
  sourceUrl: url.optional(),
});

export const ThresholdSchema = z.object({
  percent: z.number({ error: "must be a number" }).finite().min(0, { error: "cannot be negative" }).max(1000).nullable().default(null),
  usd: z.number({ error: "must be a number" }).finite().min(0, { error: "cannot be negative" }).max(1e9).nullable().default(null),
});

export const HistoryQuerySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("api"), provider: z.string().min(1, { error: "is required" }).max(120), model: z.string().min(1, { error: "is required" }).max(200) }),
  z.object({ kind: z.literal("gpu"), provider: z.string().min(1, { error: "is required" }).max(120), gpuType: z.string().min(1, { error: "is required" }).max(120) }),
]);
