// The field types every scenario schema builds on: bounded money, shares, counts, ids and
// labels, each with the error message a person reads.
import { z } from "zod";

export const money = (max: number) =>
  z
    .number({ error: "must be a number" })
    .finite()
    .min(0, { error: "cannot be negative" })
    .max(max, { error: `must be at most ${max}` });
export const share = z
  .number({ error: "must be a number" })
  .finite()
  .min(0, { error: "must be between 0 and 1" })
  .max(1, { error: "must be between 0 and 1" });
export const count = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
export const positive = (max: number) =>
  z
    .number({ error: "must be a number" })
    .finite()
    .positive({ error: "must be greater than 0" })
    .max(max, { error: `must be at most ${max}` });
export const id = z
  .string()
  .trim()
  .min(1, { error: "is required" })
  .max(64, { error: "must be at most 64 characters" })
  .regex(/^[\w.-]+$/, { error: "use letters, digits, '-', '_' or '.'" });
export const label = z.string().trim().min(1, { error: "is required" }).max(120, { error: "must be at most 120 characters" });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: "must be a date like 2026-09-25" });

export const SourceSchema = z
  .object({
    name: z.string().max(300).describe("Where the figure comes from"),
    url: z.string().max(500).optional().describe("Link to the source"),
    checkedAt: isoDate.optional().describe("Date the figure was checked"),
  })
  .describe("Source of a price or measurement");
export type Source = z.infer<typeof SourceSchema>;

// How well an option does the team's task: a share of its evaluation tasks passed, or a cited
// public benchmark score. Cost per successful task divides by it.
export const QualitySchema = z
  .object({
    score: z
      .number({ error: "must be a number" })
      .finite()
      .min(0, { error: "must be between 0 and 1" })
      .max(1, { error: "must be between 0 and 1" })
      .describe("Share of tasks passed, 0.82 = 82%"),
    basis: z.enum(["team-evaluation", "public-benchmark"]).default("team-evaluation"),
    source: z.string().trim().min(1, { error: "name the evaluation or benchmark" }).max(300),
  })
  .nullable()
  .default(null)
  .describe("Quality figure with its source; null = not measured");
export type Quality = z.infer<typeof QualitySchema>;
