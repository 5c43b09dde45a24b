"use client";

import { AreaChart, BarChart, LineChart } from "@tremor/react";
import type { Evaluation } from "@/lib/engine/result-schema";
import { breakdownRows, costCurveRows, projectionRows, tornadoRows } from "@/lib/results/chart-data";
import { CHART_COLORS, moneyAxis } from "./money";

function ChartCard({ title, caption, children, testId }: { title: string; caption?: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid={testId}>
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      {caption ? <p className="mb-2 text-xs text-gray-500">{caption}</p> : null}
      {children}
    </section>
  );
}

export function ResultCharts({ evaluation }: { evaluation: Evaluation }) {
  const curve = costCurveRows(evaluation);
  const breakdown = breakdownRows(evaluation);
  const tornado = tornadoRows(evaluation);
  const projection = projectionRows(evaluation);
  return (
    <div className="grid gap-4 2xl:grid-cols-2">
      <ChartCard
        testId="chart-cost-volume"
        title="Monthly cost against volume"
        caption={`Requests per month on a log scale.${curve.breakevenLabels.length ? ` ◆ marks a fully loaded breakeven (${curve.breakevenLabels.join(", ")}).` : ""}`}
      >
        <LineChart
          className="h-72"
          data={curve.rows}
          index="volume"
          categories={curve.series}
          colors={CHART_COLORS}
          valueFormatter={moneyAxis}
          yAxisWidth={76}
          connectNulls
        />
      </ChartCard>
      <ChartCard testId="chart-breakdown" title="Where the money goes" caption="Monthly cost per option at today's volume.">
        <BarChart
          className="h-72"
          data={breakdown.rows}
          index="option"
          categories={breakdown.categories}
          colors={CHART_COLORS}
          stack
          layout="vertical"
          valueFormatter={moneyAxis}
          yAxisWidth={170}
        />
      </ChartCard>
      {tornado.length ? (
        <ChartCard
          testId="chart-tornado"
          title="What moves the answer"
          caption="Change in (self-host − API) per month when one input moves to its low or high value."
        >
          <BarChart
            className="h-80"
            data={tornado}
            index="input"
            categories={["Low value", "High value"]}
            colors={["sky", "orange"]}
            layout="vertical"
            valueFormatter={moneyAxis}
            yAxisWidth={180}
          />
        </ChartCard>
      ) : null}
      {projection.rows.length ? (
        <ChartCard
          testId="chart-projection"
          title="Cumulative cost over the horizon"
          caption="Best API option against best self-host option, with monthly growth."
        >
          <AreaChart
            className="h-72"
            data={projection.rows}
            index="month"
            categories={projection.series}
            colors={["blue", "emerald"]}
            valueFormatter={moneyAxis}
            yAxisWidth={76}
          />
        </ChartCard>
      ) : null}
    </div>
  );
}
