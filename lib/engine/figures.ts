// The evaluation as the engine computes it: numbers and codes. The sentences a reader sees are
// added by describe.ts, only when a screen, memo, API response or summary asks for them.
import type { Breakeven } from "./breakeven";
import type { SizingFigures } from "./evaluate-sizing";
import type { DoesNotFit } from "./self-host-sizing";
import type { PriceFlag } from "./api-cost";
import type { CheckWhy, Verdict } from "./constraints";
import type { LineFigures } from "./cost-line";
import type { ApiOptionResult, ConstraintResult, Evaluation, Recommendation, SelfHostOptionResult } from "./result-schema";
import type { Trigger } from "./triggers";

type SelfHostFeasible = Extract<SelfHostOptionResult, { feasible: true }>;

/** A self-host option whose model does not fit its GPUs, with the memory figures that say why. */
type SelfHostInfeasible = Omit<Extract<SelfHostOptionResult, { feasible: false }>, "reason"> & { doesNotFit: DoesNotFit };

/** An API option priced line by line, its missing prices and tiers as codes. */
type ApiOptionFigures = Omit<ApiOptionResult, "lines" | "flags"> & { lines: LineFigures[]; flags: PriceFlag[] };

type SelfHostOptionFigures = Omit<SelfHostFeasible, "sizing" | "lines"> & { sizing: SizingFigures; lines: LineFigures[] };

export type OptionFigures = ApiOptionFigures | SelfHostInfeasible | SelfHostOptionFigures;

export type RecommendationFigures = Omit<Recommendation, "reason" | "headline" | "warnings" | "conflicts"> & {
  /** The final pick leans to the API because self-hosting is within the close-call margin. */
  closeCall: boolean;
  closeCallMargin: number;
  /** Options that cost the same to the cent as the cheapest of their kind; the one listed first is taken. */
  ties: { takenId: string; tiedIds: string[] }[];
  /** A cheaper hybrid or routing option the close-call margin kept out in favour of the API; null when none. */
  mixKeptOut: string | null;
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

/** A constraint's verdict on each option, with why as a code. */
export type ConstraintFigures = Omit<ConstraintResult, "checks"> & { checks: { optionId: string; verdict: Verdict; why: CheckWhy }[] };

export type EvaluationFigures = Omit<Evaluation, "options" | "breakeven" | "triggers" | "constraints" | "recommendation"> & {
  options: OptionFigures[];
  breakeven: BreakevenFigures[];
  triggers: Trigger[];
  constraints: ConstraintFigures[];
  recommendation: RecommendationFigures;
};
