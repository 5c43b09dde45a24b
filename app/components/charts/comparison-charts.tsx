"use client";

import { ChartLegend } from "./chart-legend";
import { BarChart, LineChart } from "@tremor/react";
import type { Evaluation } from "@/lib/engine";
import { CHART_COLORS, moneyAxis } from "./money";

function monthlyOf(e: Evaluation, id: string | null) {
  const o = e.options.find((x) => x.id === id);
  return o && o.feasible ? Math.round(o.monthlyCost) : 0;
}

/** Overlays of several scenarios: cost by side today, and the recommended option over time. */
export function ComparisonCharts({ columns }: { columns: { label: string; evaluation: Evaluation }[] }) {
  const bars = columns.map(({ label, evaluation: e }) => ({
    scenario: label,
    "Cheapest API": monthlyOf(e, e.recommendation.economic.cheapestApiId),
    "Cheapest self-host": monthlyOf(e, e.recommendation.economic.cheapestSelfHostId),
  }));
  const months = Math.max(...columns.map((c) => c.evaluation.projection.requestsPerMonth.length));
  const lines = Array.from({ length: months }, (_, m) => {
    const row: Record<string, string | number> = { month: `M${m + 1}` };
    for (const { label, evaluation: e } of columns) {
      const id = e.recommendation.optionId;
      const series = id ? e.projection.cumulative[id] : undefined;
      if (series && m < series.length) row[label] = Math.round(series[m]);
    }
    return row;
  });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="compare-chart-sides">
        <h3 className="text-sm font-semibold">Monthly cost today, each side</h3>
        <ChartLegend labels={["Cheapest API", "Cheapest self-host"]} colors={["blue", "emerald"]} />
        <BarChart
          className="h-72"
          data={bars}
          index="scenario"
          categories={["Cheapest API", "Cheapest self-host"]}
          colors={["blue", "emerald"]}
          valueFormatter={moneyAxis}
          yAxisWidth={76}
          showLegend={false}
        />
      </section>
      <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="compare-chart-projection">
        <h3 className="text-sm font-semibold">Cumulative cost of each recommendation</h3>
        <ChartLegend labels={columns.map((c) => c.label)} colors={CHART_COLORS} />
        <LineChart
          className="h-72"
          data={lines}
          index="month"
          categories={columns.map((c) => c.label)}
          colors={CHART_COLORS}
          valueFormatter={moneyAxis}
          yAxisWidth={76}
          connectNulls
          showLegend={false}
        />
      </section>
    </div>
  );
}
