import { z } from "zod";

// The compact part of an evaluation stored with each revision, so that lists and "changed since
// saved" checks need not re-run the engine.
export const EvaluationSummarySchema = z.object({
  outcome: z.enum(["api", "self-host", "hybrid", "infeasible"]).describe("Kind of the recommended option"),
  recommendedOptionId: z.string().nullable(),
  recommendedLabel: z.string().nullable(),
  recommendedMonthlyCost: z.number().nullable().describe("US$ per month of the recommended option"),
  headline: z.string().describe("The recommendation in one sentence"),
  overriddenBy: z.array(z.string()).describe("Constraints that overrode the economic verdict"),
  overrideMonthlyCost: z.number().nullable().describe("US$ per month the override costs"),
  cheapestApiMonthly: z.number().nullable(),
  cheapestSelfHostMonthly: z.number().nullable(),
  breakevenRequestsPerMonth: z.number().nullable().describe("Fully loaded breakeven of the best self-host option"),
  closeCall: z.boolean(),
  engineVersion: z.string().optional().describe("Engine that produced the summary; missing before 2.0.0"),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;

export function readSummary(value: unknown): EvaluationSummary | null {
  const parsed = EvaluationSummarySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
