import type { Evaluation } from "@/lib/engine";
import { describeOverride } from "@/lib/results/text";

const TONE = {
  api: "border-blue-200 bg-blue-50",
  "self-host": "border-emerald-200 bg-emerald-50",
  hybrid: "border-violet-200 bg-violet-50",
  infeasible: "border-red-200 bg-red-50",
} as const;

export function RecommendationPanel({ evaluation }: { evaluation: Evaluation }) {
  const r = evaluation.recommendation;
  return (
    <section className={`rounded-lg border p-4 ${TONE[r.outcome]}`} data-testid="recommendation">
      <h2 className="text-base font-semibold text-gray-900" data-testid="recommendation-headline">
        {r.headline}
      </h2>
      <p className="mt-2 max-w-4xl text-sm leading-6 text-gray-800">{r.reason}</p>
      {r.overriddenBy.length ? (
        <p className="mt-2 text-sm font-medium text-gray-900" data-testid="override">
          {describeOverride(r)}
        </p>
      ) : null}
      {r.warnings.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-xs text-amber-900">
          {r.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
