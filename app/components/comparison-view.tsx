import type { Evaluation } from "@/lib/engine/result-schema";
import { formatCount } from "@/lib/engine/text";
import { flatten, sideBySide } from "@/lib/results/flatten";
import { formatUsd } from "@/lib/format/numbers";
import { ComparisonCharts } from "./charts/comparison-charts";

export type ComparisonColumn = { key: string; label: string; input: unknown; evaluation: Evaluation };

function monthly(e: Evaluation, id: string | null) {
  const o = e.options.find((x) => x.id === id);
  return o && o.feasible ? o.monthlyCost : null;
}

function resultRows(columns: ComparisonColumn[]) {
  const be = (e: Evaluation, basis: "fullyLoaded" | "gpuOnly") => {
    const b = e.breakeven.find((x) => x.selfHostId === e.recommendation.economic.cheapestSelfHostId)?.[basis];
    return b ? (!b.reached ? "not reached" : b.everyVolume ? "any volume" : `${formatCount(b.requestsPerMonth)} req/mo`) : "—";
  };
  const rows: [string, (e: Evaluation) => string][] = [
    ["Recommendation", (e) => e.recommendation.headline],
    ["Recommended, per month", (e) => formatUsd(e.recommendation.monthlyCost)],
    ["Cheapest API, per month", (e) => formatUsd(monthly(e, e.recommendation.economic.cheapestApiId))],
    ["Cheapest self-host, per month", (e) => formatUsd(monthly(e, e.recommendation.economic.cheapestSelfHostId))],
    ["Overridden by", (e) => e.recommendation.overriddenBy.map((o) => o.label).join("; ") || "—"],
    ["Breakeven, fully loaded", (e) => be(e, "fullyLoaded")],
    ["Breakeven, GPU only", (e) => be(e, "gpuOnly")],
    ["P(self-hosting cheaper)", (e) => (e.uncertainty ? `${Math.round(e.uncertainty.probabilitySelfHostCheaper * 100)}%` : "—")],
    ["Requests per month", (e) => formatCount(e.workload.requestsPerMonth)],
  ];
  return rows.map(([label, f]) => {
    const values = columns.map((c) => f(c.evaluation));
    return { label, values, differs: values.some((v) => v !== values[0]) };
  });
}

function Table({
  head,
  rows,
  testId,
}: {
  head: string[];
  rows: { label: string; values: React.ReactNode[]; differs: boolean }[];
  testId: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead className="bg-gray-50 text-left text-xs uppercase tracking-wide text-gray-500">
          <tr>
            <th className="px-3 py-2 font-medium"> </th>
            {head.map((h) => (
              <th key={h} className="px-3 py-2 font-medium normal-case">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((r) => (
            <tr key={r.label} className={r.differs ? "bg-amber-50" : undefined} data-differs={r.differs || undefined}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-gray-700">
                {r.label}
              </th>
              {r.values.map((v, i) => (
                <td key={i} className="min-w-[10rem] px-3 py-2 align-top">
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const show = (v: unknown) =>
  v === undefined ? "—" : v === null ? "none" : typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 4 }) : String(v);

export function ComparisonView({ columns }: { columns: ComparisonColumn[] }) {
  const head = columns.map((c) => c.label);
  const inputRows = sideBySide(columns.map((c) => flatten(c.input))).map((r) => ({
    label: r.path,
    values: r.values.map(show),
    differs: r.differs,
  }));
  const changed = inputRows.filter((r) => r.differs);
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Results</h2>
        <Table head={head} rows={resultRows(columns)} testId="compare-results" />
      </section>
      <ComparisonCharts columns={columns.map((c) => ({ label: c.label, evaluation: c.evaluation }))} />
      <section className="space-y-2">
        {changed.length ? (
          <details open={changed.length <= 25}>
            <summary className="cursor-pointer text-sm font-semibold">Inputs that differ ({changed.length})</summary>
            <div className="mt-2">
              <Table head={head} rows={changed} testId="compare-inputs" />
            </div>
          </details>
        ) : (
          <p className="text-sm text-gray-600">The inputs are identical.</p>
        )}
        <details>
          <summary className="cursor-pointer text-sm text-blue-700">All inputs ({inputRows.length})</summary>
          <div className="mt-2">
            <Table head={head} rows={inputRows} testId="compare-all-inputs" />
          </div>
        </details>
      </section>
    </div>
  );
}
