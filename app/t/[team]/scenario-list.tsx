import Link from "next/link";
import type { ScenarioListItem } from "@/lib/data/scenarios";
import { readSummary } from "@/lib/engine";
import { formatDateTime, formatUsd } from "@/lib/format/numbers";
import { formatCount } from "@/lib/format/text";
import type { RepricingMark } from "@/lib/data/catalog-marks";
import { OUTCOME_WORD } from "@/lib/results/text";

const side = (outcome: string, option: string | null) =>
  outcome === "infeasible"
    ? "no option qualifies"
    : `${outcome === "api" ? "API" : outcome === "hybrid" ? "hybrid" : "self-host"}${option ? ` (${option})` : ""}`;

/** "Prices changed" since the revision was saved: the cost change, the moved breakeven, a flip. */
function PriceChangeMark({ mark, href }: { mark: RepricingMark; href: string }) {
  const delta = mark.monthlyThen !== null && mark.monthlyNow !== null ? mark.monthlyNow - mark.monthlyThen : null;
  const share = delta !== null && mark.monthlyThen ? delta / mark.monthlyThen : null;
  return (
    <Link
      href={href}
      className={`mt-1 block rounded-md px-2 py-1 text-xs ${mark.flipped ? "bg-red-50 text-red-900 ring-1 ring-red-200" : "bg-amber-50 text-amber-900 ring-1 ring-amber-200"}`}
      data-testid="price-change"
    >
      <strong>
        {mark.changedPrices > 0 ? `Prices changed (catalog ${mark.catalogLabel}):` : "Re-evaluated by the updated cost engine:"}
      </strong>{" "}
      {mark.flipped
        ? `decided: ${side(mark.outcomeThen, mark.optionThen)}; ${mark.changedPrices > 0 ? "at today's prices" : "now"}: ${side(mark.outcomeNow, mark.optionNow)}. `
        : ""}
      {delta !== null
        ? `${formatUsd(mark.monthlyThen)} → ${formatUsd(mark.monthlyNow)} a month (${delta >= 0 ? "+" : "−"}${formatUsd(Math.abs(delta))}${share !== null ? `, ${delta >= 0 ? "+" : "−"}${Math.abs(Math.round(share * 1000) / 10)}%` : ""}). `
        : ""}
      {mark.breakevenThen !== mark.breakevenNow
        ? `Breakeven ${mark.breakevenThen === null ? "not reached" : formatCount(mark.breakevenThen)} → ${mark.breakevenNow === null ? "not reached" : formatCount(mark.breakevenNow)} requests/month.`
        : ""}
    </Link>
  );
}

const STATUS_STYLE: Record<string, string> = {
  draft: "bg-gray-100 text-gray-700",
  proposed: "bg-amber-50 text-amber-800",
  decided: "bg-emerald-50 text-emerald-800",
  archived: "bg-gray-50 text-gray-500",
};

export function ScenarioList({
  scenarios,
  teamSlug,
  marks = new Map(),
}: {
  scenarios: ScenarioListItem[];
  teamSlug: string;
  marks?: Map<string, RepricingMark>;
}) {
  if (scenarios.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center" data-testid="empty-state">
        <h2 className="text-base font-semibold">No scenarios yet</h2>
        <p className="mx-auto mt-1 max-w-md text-sm text-gray-600">
          A scenario describes one workload (requests a month, tokens per request) and the options to serve it: API models and self-hosted
          GPUs. Breakeven prices both sides and tells you where they cross.
        </p>
      </div>
    );
  }
  return (
    <ul className="divide-y divide-gray-200 overflow-hidden rounded-lg border border-gray-200 bg-white" data-testid="scenario-list">
      {scenarios.map((s) => {
        const summary = readSummary(s.currentRevision?.summary);
        return (
          <li key={s.id} data-scenario={s.name} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:gap-6">
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/t/${teamSlug}/s/${s.id}`} className="font-medium text-blue-800 hover:underline">
                  {s.name}
                </Link>
                <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[s.status] ?? ""}`}>{s.status}</span>
              </div>
              {s.description ? <p className="truncate text-sm text-gray-600">{s.description}</p> : null}
              {marks.get(s.id)?.shown ? <PriceChangeMark mark={marks.get(s.id)!} href={`/t/${teamSlug}/s/${s.id}#then-vs-now`} /> : null}
            </div>
            <div className="text-sm sm:w-64 sm:text-right">
              {summary ? (
                <>
                  <div className="font-medium">
                    {summary.outcome === "infeasible" ? "Infeasible" : `${OUTCOME_WORD[summary.outcome]}: ${summary.recommendedLabel}`}
                  </div>
                  <div className="text-gray-600">{formatUsd(summary.recommendedMonthlyCost)} / month</div>
                </>
              ) : (
                <span className="text-gray-500">Not evaluated yet</span>
              )}
            </div>
            <div className="text-xs text-gray-500 sm:w-48 sm:text-right">
              {s.currentRevision?.author?.name ? `${s.currentRevision.author.name}, ` : ""}
              {formatDateTime(s.updatedAt)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
