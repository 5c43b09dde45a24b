// Sentences about an evaluation shared by the screen and the memo, so both say the same thing.
import type { Evaluation } from "../engine";
import { formatCount } from "../format/text";
import { formatUsd } from "../format/numbers";

type Breakeven = Evaluation["breakeven"][number]["fullyLoaded"];

export { describeHybrid, describeRouting } from "../engine";

export function describeBreakeven(b: Breakeven): string {
  if (!b.reached) return `not reached — ${b.reason}`;
  if (b.everyVolume) return "at any volume: self-hosting never costs more";
  return `${formatCount(b.requestsPerMonth)} requests/month (${formatCount(b.tokensPerMonth)} tokens)`;
}

export function describeUncertainty(u: NonNullable<Evaluation["uncertainty"]>): string {
  return `Self-hosting is cheaper in ${Math.round(u.probabilitySelfHostCheaper * 100)}% of ${u.samples.toLocaleString("en-US")} simulated futures. Self-host minus API per month: P10 ${formatUsd(u.p10)}, P50 ${formatUsd(u.p50)}, P90 ${formatUsd(u.p90)}.`;
}

export function describeOverride(r: Evaluation["recommendation"]): string | null {
  if (!r.overriddenBy.length) return null;
  const cost =
    r.overrideMonthlyCost !== null
      ? `: ${r.overrideMonthlyCost >= 0 ? "costs" : "saves"} ${formatUsd(Math.abs(r.overrideMonthlyCost))} a month`
      : "";
  return `Overridden by ${r.overriddenBy.map((o) => `“${o.label}”`).join(" and ")}${cost}.`;
}

/** The kind of a recommendation in a word, for lists and tables. */
export const OUTCOME_WORD = { api: "API", "self-host": "Self-host", hybrid: "Hybrid", infeasible: "No option qualifies" } as const;

export const VERDICT_MARK = { pass: "✓", fail: "✗", "not-verified": "?" } as const;
