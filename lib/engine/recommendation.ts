// The recommendation: the economic verdict (close calls lean to the API for flexibility), then
// hard constraints remove options; the final pick says which constraint overrode the money and
// what it costs, or that no option is left.
import { constraintLabel, type ConstraintCheck } from "./constraints";
import type { Constraint } from "./schema";
import type { OptionFigures, RecommendationFigures } from "./figures";

type Priced = Extract<OptionFigures, { feasible: true }>;

const TIE_CENTS = 0.005; // costs within half a cent are a tie

/** The cheapest option; on a tie to the cent the one listed first (describe.ts states the rule in the warnings). */
function cheapest<T extends Priced>(list: T[]): T | null {
  return list.reduce<T | null>((best, o) => (best === null || o.monthlyCost < best.monthlyCost - TIE_CENTS ? o : best), null);
}

/** Options that cost the same to the cent as the cheapest of their kind (the one listed first is taken). */
function ties(options: Priced[]): RecommendationFigures["ties"] {
  return (["api", "self-host"] as const).flatMap((kind) => {
    const list = options.filter((o) => o.kind === kind);
    const best = cheapest(list);
    const tied = best ? list.filter((o) => o !== best && Math.abs(o.monthlyCost - best.monthlyCost) <= TIE_CENTS) : [];
    return best && tied.length ? [{ takenId: best.id, tiedIds: tied.map((o) => o.id) }] : [];
  });
}

function economicPick(options: Priced[], margin: number) {
  const api = cheapest(options.filter((o) => o.kind === "api"));
  const self = cheapest(options.filter((o) => o.kind === "self-host"));
  if (!api || !self) return { pick: api ?? self, closeCall: false, api, self, gapShare: null };
  const gapShare = Math.abs(self.monthlyCost - api.monthlyCost) / Math.max(self.monthlyCost, api.monthlyCost, Number.MIN_VALUE);
  const closeCall = gapShare <= margin;
  return { pick: closeCall ? api : self.monthlyCost < api.monthlyCost ? self : api, closeCall, api, self, gapShare };
}

export function recommend(options: OptionFigures[], constraints: Constraint[], checks: ConstraintCheck[], margin: number) {
  const priced = options.filter((o): o is Priced => o.feasible);
  const economic = economicPick(priced, margin);

  const constraintResults = constraints.map((c) => {
    const mine = checks.filter((k) => k.constraintId === c.id);
    return {
      id: c.id,
      kind: c.kind,
      label: constraintLabel(c),
      hard: c.hard,
      checks: mine.map(({ optionId, verdict, why }) => ({ optionId, verdict, why })),
      removed: c.hard ? mine.filter((k) => k.verdict !== "pass").map((k) => k.optionId) : [],
    };
  });
  const removed = new Set(constraintResults.flatMap((c) => c.removed));

  const remaining = priced.filter((o) => !removed.has(o.id));
  const final = economicPick(remaining, margin);
  const pick = final.pick;

  const overriddenBy =
    economic.pick && removed.has(economic.pick.id)
      ? constraintResults.filter((c) => c.removed.includes(economic.pick!.id)).map((c) => ({ constraintId: c.id, label: c.label }))
      : [];
  const cheapestRemoved = cheapest(priced.filter((o) => removed.has(o.id)));
  const overrideMonthlyCost = overriddenBy.length && pick && cheapestRemoved ? pick.monthlyCost - cheapestRemoved.monthlyCost : null;

  const recommendation: Omit<RecommendationFigures, "replaced" | "mixKeptOut"> = {
    outcome: pick ? pick.kind : "infeasible",
    optionId: pick?.id ?? null,
    label: pick?.label ?? null,
    monthlyCost: pick?.monthlyCost ?? null,
    economic: {
      optionId: economic.pick?.id ?? null,
      label: economic.pick?.label ?? null,
      monthlyCost: economic.pick?.monthlyCost ?? null,
      closeCall: economic.closeCall,
      cheapestApiId: economic.api?.id ?? null,
      cheapestSelfHostId: economic.self?.id ?? null,
      gapShare: economic.gapShare,
    },
    overriddenBy,
    overrideMonthlyCost,
    closeCall: pick !== null && final.closeCall,
    closeCallMargin: margin,
    ties: ties(priced),
  };
  return { recommendation, constraintResults };
}
