"use client";

import { ChartLegend } from "./chart-legend";
import { AreaChart, BarChart } from "@tremor/react";
import type { Evaluation } from "@/lib/engine";
import { breakdownRows, projectionRows, tornadoRows } from "@/lib/results/chart-data";
import { CHART_COLORS, moneyAxis } from "./money";
import { ChartCard } from "./chart-card";

/** The Tremor charts of a scenario: where the money goes, what moves the answer, the projection. */
export default function ResultBarCharts({ evaluation }: { evaluation: Evaluation }) {
  const breakdown = breakdownRows(evaluation);
  const tornado = tornadoRows(evaluation);
  const projection = projectionRows(evaluation);
  return (
    <>
      <ChartCard testId="chart-breakdown" title="Where the money goes" caption="Monthly cost per option at today's volume.">
        <ChartLegend labels={breakdown.categories} colors={CHART_COLORS} />
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
          showLegend={false}
        />
      </ChartCard>
      {tornado.length ? (
        <ChartCard
          testId="chart-tornado"
          title="What moves the answer"
          caption="Change in (self-host − API) per month when one input moves to its low or high value."
        >
          <ChartLegend labels={["Low value", "High value"]} colors={["sky", "orange"]} />
          <BarChart
            className="h-80"
            data={tornado}
            index="input"
            categories={["Low value", "High value"]}
            colors={["sky", "orange"]}
            layout="vertical"
            valueFormatter={moneyAxis}
            yAxisWidth={180}
            showLegend={false}
          />
        </ChartCard>
      ) : null}
      {projection.rows.length ? (
        <ChartCard
          testId="chart-projection"
          title="Cumulative cost over the horizon"
          caption="Best API option against best self-host option, with monthly growth."
        >
          <ChartLegend labels={projection.series} colors={["blue", "emerald"]} />
          <AreaChart
            className="h-72"
            data={projection.rows}
            index="month"
            categories={projection.series}
            colors={["blue", "emerald"]}
            valueFormatter={moneyAxis}
            yAxisWidth={76}
            showLegend={false}
          />
        </ChartCard>
      ) : null}
    </>
  );
}
