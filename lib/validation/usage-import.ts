import { z } from "zod";
import { USAGE_FORMATS } from "../usage/formats";
import { isTimeZone } from "../usage/time";

export const UsageImportOptionsSchema = z.object({
  format: z.enum(["auto", ...USAGE_FORMATS], { error: `must be auto or one of ${USAGE_FORMATS.join(", ")}` }).default("auto"),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine(isTimeZone, { error: "is not a time zone this server knows (use an IANA name such as Europe/Berlin, or UTC)" })
    .default("UTC"),
  fileName: z.string().trim().min(1, { error: "is required" }).max(200, { error: "Use at most 200 characters." }),
});

const baseVersion = z
  .number({ error: "must be the version you loaded (a number)" })
  .int()
  .min(1, { error: "must be the version you loaded" });

export const ApplyUsageImportSchema = z.object({
  target: z.discriminatedUnion(
    "kind",
    [
      z.object({
        kind: z.literal("new"),
        name: z.string().trim().min(1).max(120, { error: "Use at most 120 characters." }).optional(),
        template: z.string().max(40).default("chat"),
      }),
      z.object({ kind: z.literal("scenario"), scenarioId: z.string().min(1).max(64), baseVersion }),
    ],
    { error: 'must be { kind: "new" } or { kind: "scenario", scenarioId, baseVersion }' },
  ),
  models: z.array(z.string().max(200)).max(200).default([]),
  requestsPerMonth: z.number().finite().positive({ error: "must be greater than 0" }).max(1e12).nullable().default(null),
  acceptBadRows: z.boolean().default(false),
});
export type ApplyUsageImport = z.input<typeof ApplyUsageImportSchema>;

/** The multipart form of POST …/usage-imports, as the OpenAPI document describes it. */
export const UsageUploadFormSchema = z.object({
  format: UsageImportOptionsSchema.shape.format,
  timeZone: z.string().optional().describe("IANA time zone the profile is read in (default UTC)"),
  fileName: z.string().optional().describe("Name to record (default: the uploaded file's)"),
  target: z.enum(["new", "scenario"]).optional().describe("Apply at once: a new scenario, or a new revision of scenarioId"),
  scenarioId: z.string().optional(),
  baseVersion: z.string().optional().describe("The version of scenarioId you loaded"),
  name: z.string().optional().describe("Name of the new scenario"),
  template: z.string().optional().describe("Template whose options the new scenario starts with (default chat)"),
  models: z.string().optional().describe("Comma-separated models to keep (default all)"),
  requestsPerMonth: z.string().optional().describe("Requests per month, for exports without request counts"),
  acceptBadRows: z.enum(["true", "false"]).optional().describe("Use the good rows of a file with unreadable ones"),
  file: z.string().describe("The export"),
});
