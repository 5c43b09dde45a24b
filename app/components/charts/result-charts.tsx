"use client";

import dynamic from "next/dynamic";
import type { Evaluation } from "@/lib/engine";
import { curveChart } from "@/lib/results/chart-data";
import { ChartCard } from "./chart-card";
import { CostCurveChart } from "./cost-curve-chart";

// The Tremor charts (and the charting library under them) load after the page is usable; the
// cost curve, the chart the decision is read from, is plain SVG and comes with the page.
const ResultBarCharts = dynamic(() => import("./result-bar-charts"), {
  ssr: false,
  loading: () => <div className="h-72 animate-pulse rounded-lg bg-gray-100" aria-hidden="true" />,
});

export function ResultCharts({ evaluation }: { evaluation: Evaluation }) {
  const curve = curveChart(evaluation);
  return (
    <div className="grid gap-4 2xl:grid-cols-2">
      {curve ? (
        <ChartCard
          testId="chart-cost-volume"
          title="Monthly cost against volume"
          caption="Each line is an option's monthly cost; dashed lines mark today's volume and, when there is one, the fully loaded breakeven."
        >
          <CostCurveChart chart={curve} />
        </ChartCard>
      ) : null}
      <ResultBarCharts evaluation={evaluation} />
    </div>
  );
}
