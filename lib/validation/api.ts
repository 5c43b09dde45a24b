import { z } from "zod";
import { ScenarioInputSchema } from "../engine";

/** POST /api/v1/evaluate: a scenario input, and optionally the Monte Carlo sample count. */
export const EvaluateRequestSchema = z.object({
  input: ScenarioInputSchema,
  monteCarloSamples: z
    .number()
    .int({ error: "must be a whole number" })
    .min(0, { error: "cannot be negative" })
    .max(100_000, { error: "must be at most 100000" })
    .optional(),
});
