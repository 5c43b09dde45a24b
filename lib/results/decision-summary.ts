// "What differs and what it does to the decision": for two scenarios (or two revisions), the
// change in recommendation, cost and breakeven, then each input difference applied alone to the
// first to show which of them move the answer. Server-side: it runs the engine.
import { evaluateFigures, EngineInputError, parseScenario } from "../engine";
import type { Evaluation, EvaluationFigures } from "../engine";
import { formatCount } from "../format/text";
import { formatUsd } from "../format/numbers";
import { applyDifference, differences, type Difference } from "./differences";

export type Side = { label: string; input: unknown; evaluation: Evaluation };
export type Driver = { difference: Difference; effect: string; flips: boolean; delta: number };
export type DecisionSummary = { outcome: string[]; drivers: Driver[]; differences: Difference[]; untested: number };

// Each difference costs one evaluation; past this many the rest are listed, not tried alone.
const MAX_TRIED = 60;

function breakevenText(e: Evaluation): string {
  const b = e.breakeven.find((x) => x.selfHostId === e.comparison?.selfHostId)?.fullyLoaded;
  if (!b) return "no self-host option to compare";
  if (!b.reached) return "not reached";
  return b.everyVolume ? "at any volume" : `${formatCount(b.requestsPerMonth)} requests/month`;
}

function change(from: number, to: number): string {
  const pct = from > 0 ? ` (${to >= from ? "+" : "−"}${Math.abs(Math.round(((to - from) / from) * 100))}%)` : "";
  return `${formatUsd(from)} → ${formatUsd(to)}${pct}`;
}

/** How the decision reads in `b` against `a`, in sentences a finance lead can sign. */
function outcomeLines(a: Side, b: Side): string[] {
  const ra = a.evaluation.recommendation;
  const rb = b.evaluation.recommendation;
  const lines: string[] = [];
  if (ra.optionId === rb.optionId) lines.push(`Both recommend ${rb.label ?? "nothing (every option was ruled out)"}.`);
  else lines.push(`The recommendation changes: ${ra.label ?? "none"} in ${a.label} → ${rb.label ?? "none"} in ${b.label}.`);
  if (ra.monthlyCost != null && rb.monthlyCost != null && ra.monthlyCost !== rb.monthlyCost)
    lines.push(`Monthly cost of the recommendation: ${change(ra.monthlyCost, rb.monthlyCost)}.`);
  const ba = breakevenText(a.evaluation);
  const bb = breakevenText(b.evaluation);
  lines.push(ba === bb ? `Fully loaded breakeven: ${bb} in both.` : `Fully loaded breakeven: ${ba} → ${bb}.`);
  const oa = ra.overriddenBy.map((o) => o.label).join("; ");
  const ob = rb.overriddenBy.map((o) => o.label).join("; ");
  if (oa !== ob) lines.push(`Overridden by constraints: ${oa || "none"} → ${ob || "none"}.`);
  return lines;
}

function tryAlone(a: Side, b: Side, d: Difference): Driver | null {
  let e: EvaluationFigures;
  try {
    e = evaluateFigures(parseScenario(applyDifference(a.input, b.input, d)), { monteCarloSamples: 0 });
  } catch (error) {
    // A change that is only valid together with another (a constraint naming an added option).
    if (error instanceof EngineInputError) return null;
    throw error;
  }
  const base = a.evaluation.recommendation;
  const flips = e.recommendation.optionId !== base.optionId;
  const delta = (e.recommendation.monthlyCost ?? 0) - (base.monthlyCost ?? 0);
  const effect = flips
    ? `alone, it changes the recommendation to ${e.recommendation.label ?? "none (every option ruled out)"}`
    : Math.abs(delta) < 0.5
      ? "alone, it leaves the recommendation and its cost as they are"
      : `alone, it ${delta > 0 ? "raises" : "lowers"} the recommended option's cost by ${formatUsd(Math.abs(delta))} a month`;
  return { difference: d, effect, flips, delta };
}

/**
 * The summary of `b` against `a`: outcome lines, then the differences that move the decision
 * most when applied alone (recommendation flips first, then by the size of the cost change).
 */
export function summarizeChange(a: Side, b: Side, top = 5): DecisionSummary {
  const diffs = differences(a.input, b.input);
  const drivers = diffs
    .slice(0, MAX_TRIED)
    .map((d) => tryAlone(a, b, d))
    .filter((x): x is Driver => x !== null)
    .sort((x, y) => Number(y.flips) - Number(x.flips) || Math.abs(y.delta) - Math.abs(x.delta))
    .filter((x) => x.flips || Math.abs(x.delta) >= 0.5)
    .slice(0, top);
  return { outcome: outcomeLines(a, b), drivers, differences: diffs, untested: Math.max(0, diffs.length - MAX_TRIED) };
}
