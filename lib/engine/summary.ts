import { recommendationHeadline } from "./describe";
import type { EvaluationFigures } from "./figures";
import type { EvaluationSummary } from "./summary-schema";

/** The compact summary stored with a revision: figures suffice, the headline is worded from them. */
export function summarize(e: EvaluationFigures): EvaluationSummary {
  const r = e.recommendation;
  const best = e.breakeven.find((b) => b.selfHostId === r.economic.cheapestSelfHostId);
  const monthly = (id: string | null) => {
    const o = e.options.find((x) => x.id === id);
    return o && o.feasible ? o.monthlyCost : null;
  };
  return {
    outcome: r.outcome,
    recommendedOptionId: r.optionId,
    recommendedLabel: r.label,
    recommendedMonthlyCost: r.monthlyCost,
    headline: recommendationHeadline(r),
    overriddenBy: r.overriddenBy.map((o) => o.label),
    overrideMonthlyCost: r.overrideMonthlyCost,
    cheapestApiMonthly: monthly(r.economic.cheapestApiId),
    cheapestSelfHostMonthly: monthly(r.economic.cheapestSelfHostId),
    breakevenRequestsPerMonth: best?.fullyLoaded.reached ? best.fullyLoaded.requestsPerMonth : null,
    closeCall: r.economic.closeCall,
    engineVersion: e.engineVersion,
  };
}
