"use client";

import { BarChart } from "@tremor/react";
import { moneyAxis } from "./money";

/** Dashboard: monthly cost of each scenario's recommended option. */
export function ScenarioCostChart({ data }: { data: { scenario: string; "Monthly cost": number }[] }) {
  return (
    <BarChart
      className="h-56"
      data={data}
      index="scenario"
      categories={["Monthly cost"]}
      colors={["blue"]}
      valueFormatter={moneyAxis}
      yAxisWidth={72}
      showLegend={false}
    />
  );
}
