"use client";

import { ChartLegend } from "./chart-legend";
import { LineChart } from "@tremor/react";
import { formatPrice } from "@/lib/format/numbers";

/** One price across catalog versions (x: version effective date). */
export function PriceHistoryChart({ data, categories }: { data: Record<string, string | number | null>[]; categories: string[] }) {
  return (
    <>
      <ChartLegend labels={categories} colors={["blue", "emerald", "amber"]} />
      <LineChart
        className="h-64"
        data={data}
        index="version"
        categories={categories}
        colors={["blue", "emerald", "amber"]}
        valueFormatter={(v: number) => formatPrice(v)}
        yAxisWidth={64}
        connectNulls
        showLegend={false}
      />
    </>
  );
}
