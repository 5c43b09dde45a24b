"use client";

// The import's load profiles and daily volume, drawn before anything is saved.
import { AreaChart, BarChart } from "@tremor/react";
import { ChartCard } from "@/app/components/charts/chart-card";
import { formatShare, groupDigits } from "@/lib/format/numbers";
import type { DerivedUsage } from "@/lib/usage/derive";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const share = (v: number) => formatShare(v);

export function UsageCharts({ derived: d }: { derived: DerivedUsage }) {
  const volume = d.totals.requests == null ? "Tokens" : "Requests";
  const daily = d.daily.map((x) => ({ date: x.date, [volume]: volume === "Tokens" ? x.inputTokens + x.outputTokens : x.requests }));
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
      {d.profile ? (
        <>
          <ChartCard
            testId="usage-chart-hourly"
            title="24-hour profile"
            caption={`Share of a day's load in each hour (${d.period.timeZone}).`}
          >
            <BarChart
              className="h-56"
              data={d.profile.hourly.map((v, h) => ({ hour: String(h).padStart(2, "0"), Share: v }))}
              index="hour"
              categories={["Share"]}
              colors={["blue"]}
              valueFormatter={share}
              showLegend={false}
              yAxisWidth={48}
            />
          </ChartCard>
          <ChartCard testId="usage-chart-weekly" title="7-day profile" caption="Share of a week's load on each weekday.">
            <BarChart
              className="h-56"
              data={d.profile.weekly.map((v, i) => ({ day: WEEKDAYS[i], Share: v }))}
              index="day"
              categories={["Share"]}
              colors={["emerald"]}
              valueFormatter={share}
              showLegend={false}
              yAxisWidth={48}
            />
          </ChartCard>
        </>
      ) : null}
      <div className="lg:col-span-2">
        <ChartCard
          testId="usage-chart-daily"
          title="Daily volume"
          caption={`${volume} per day over the period; days without usage show as zero.`}
        >
          <AreaChart
            className="h-56"
            data={daily}
            index="date"
            categories={[volume]}
            colors={["blue"]}
            valueFormatter={(v) => groupDigits(v)}
            showLegend={false}
            yAxisWidth={64}
          />
        </ChartCard>
      </div>
    </div>
  );
}
