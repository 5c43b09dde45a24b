import type { Evaluation } from "@/lib/engine";
import { formatCount } from "@/lib/format/text";
import { comparisonRows } from "@/lib/results/differences";
import { summarizeChange, type DecisionSummary } from "@/lib/results/decision-summary";
import { formatUsd } from "@/lib/format/numbers";
import { ComparisonCharts } from "./charts/comparison-charts";
import { DataTable } from "./data-table";

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
  rows: { label: string; values: React.ReactNode[]; differs: boolean; heading?: boolean }[];
  testId: string;
}) {
  return (
    <DataTable
      label="Comparison table"
      testId={testId}
      columns={[{ header: " " }, ...head.map((h) => ({ header: <span className="normal-case">{h}</span>, key: h }))]}
    >
      {rows.map((r, k) =>
        r.heading ? (
          <tr key={k} className="bg-gray-50">
            <th
              scope="rowgroup"
              colSpan={head.length + 1}
              className="px-3 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-gray-600"
            >
              {r.label}
            </th>
          </tr>
        ) : (
          <tr key={k} className={r.differs ? "bg-amber-50" : undefined} data-differs={r.differs || undefined}>
            <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-gray-700">
              {r.label}
            </th>
            {r.values.map((v, i) => (
              <td key={i} className="min-w-[10rem] px-3 py-2 align-top">
                {v}
              </td>
            ))}
          </tr>
        ),
      )}
    </DataTable>
  );
}

/** What differs and what it does to the decision: each column against the first. */
function SummaryPanel({ pairs, first }: { pairs: { title: string; summary: DecisionSummary }[]; first: string }) {
  return (
    <section className="space-y-4 rounded-lg border border-blue-200 bg-blue-50/40 p-4" data-testid="compare-summary">
      <h2 className="text-base font-semibold">What differs and what it does to the decision</h2>
      {pairs.map(({ title, summary }) => (
        <div key={title} className="space-y-2">
          {pairs.length > 1 ? <h3 className="text-sm font-semibold">{title}</h3> : null}
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {summary.outcome.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {summary.differences.length === 0 ? (
            <p className="text-sm text-gray-600">The inputs are identical.</p>
          ) : summary.drivers.length ? (
            <>
              <p className="text-sm text-gray-700">
                {summary.differences.length} input{summary.differences.length === 1 ? " differs" : "s differ"}. Applied one at a time to{" "}
                {first}, these move the decision:
              </p>
              <ul className="space-y-1 text-sm" data-testid="compare-drivers">
                {summary.drivers.map((d) => (
                  <li key={d.difference.key} className={d.flips ? "font-medium text-amber-900" : undefined}>
                    <span className="text-gray-500">{d.difference.section} · </span>
                    {d.difference.label}: {d.difference.from} → {d.difference.to} — {d.effect}.
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="text-sm text-gray-700">
              {summary.differences.length} input{summary.differences.length === 1 ? " differs" : "s differ"}; none of them alone changes the
              recommended option or its cost.
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

function InputTable({ head, rows, testId }: { head: string[]; rows: ReturnType<typeof comparisonRows>; testId: string }) {
  const grouped: { label: string; values: React.ReactNode[]; differs: boolean; heading?: boolean }[] = [];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      grouped.push({ label: section, values: [], differs: false, heading: true });
    }
    grouped.push({ label: r.label, values: r.values, differs: r.differs });
  }
  return <Table head={head} rows={grouped} testId={testId} />;
}

export function ComparisonView({ columns }: { columns: ComparisonColumn[] }) {
  const head = columns.map((c) => c.label);
  const inputs = columns.map((c) => c.input);
  const changed = comparisonRows(inputs, true);
  const all = comparisonRows(inputs, false);
  const pairs = columns.slice(1).map((c) => ({
    title: `${c.label} against ${columns[0].label}`,
    summary: summarizeChange(columns[0], c),
  }));
  return (
    <div className="space-y-6">
      <SummaryPanel pairs={pairs} first={columns[0].label} />
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
              <InputTable head={head} rows={changed} testId="compare-inputs" />
            </div>
          </details>
        ) : (
          <p className="text-sm text-gray-600">The inputs are identical.</p>
        )}
        <details>
          <summary className="cursor-pointer text-sm text-blue-700">All inputs ({all.length})</summary>
          <div className="mt-2">
            <InputTable head={head} rows={all} testId="compare-all-inputs" />
          </div>
        </details>
      </section>
    </div>
  );
}
