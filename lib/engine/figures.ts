// The evaluation as the engine computes it: numbers and codes. The sentences a reader sees are
// added by describe.ts, only when a screen, memo, API response or summary asks for them.
import type { Breakeven } from "./breakeven";
import type { SizingFigures } from "./evaluate-sizing";
import type { ApiOptionResult, Evaluation, Recommendation, SelfHostOptionResult } from "./result-schema";
import type { Trigger } from "./triggers";

type SelfHostFeasible = Extract<SelfHostOptionResult, { feasible: true }>;

export type OptionFigures =
  ApiOptionResult | Extract<SelfHostOptionResult, { feasible: false }> | (Omit<SelfHostFeasible, "sizing"> & { sizing: SizingFigures });

export type RecommendationFigures = Omit<Recommendation, "reason"> & {
  /** The single option a cheaper hybrid or routing option replaced as the pick; null when none did. */
  replaced: { label: string | null; monthlyCost: number } | null;
};

/** Breakevens against each API option and their envelope; one not reached says why as a code. */
export type BreakevenFigures = {
  selfHostId: string;
  apiId: string;
  fullyLoaded: Breakeven;
  gpuOnly: Breakeven;
  perApi: { apiId: string; fullyLoaded: Breakeven; gpuOnly: Breakeven }[];
};

export type EvaluationFigures = Omit<Evaluation, "options" | "breakeven" | "triggers" | "recommendation"> & {
  options: OptionFigures[];
  breakeven: BreakevenFigures[];
  triggers: Trigger[];
  recommendation: RecommendationFigures;
};
