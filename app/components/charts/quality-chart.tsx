// Cost against quality on screen: the same layout as the memo's, drawn at the card's width.
"use client";

import { useEffect, useRef, useState } from "react";
import type { Evaluation } from "@/lib/engine";
import { formatShare, formatUsd, formatUsdCompact } from "@/lib/format/numbers";
import { qualityChart, qualityLayout } from "@/lib/results/quality-chart";

export function QualityChart({ evaluation }: { evaluation: Evaluation }) {
  const chart = qualityChart(evaluation);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const shown = chart !== null;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(280, Math.round(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);
  if (!chart) return null;
  const H = 220;
  const g = qualityLayout(chart, { width, height: H, left: 56, right: 12, top: 12, bottom: 34 });
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="chart-quality">
      <h2 className="text-sm font-semibold">Cost against quality</h2>
      <p className="text-xs text-gray-600">Monthly cost of each option with a quality figure, against the share of tasks it passes.</p>
      <div ref={ref} className="mt-2 w-full">
        <svg width={width} height={H} role="img" aria-label="Monthly cost against quality">
          {g.yTicks.map((t) => (
            <g key={t.value}>
              <line x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={t.at} y2={t.at} className="stroke-gray-200" />
              <text x={g.plot.x - 4} y={t.at + 3} textAnchor="end" className="fill-gray-500 text-[10px]">
                {formatUsdCompact(t.value)}
              </text>
            </g>
          ))}
          {g.xTicks.map((t) => (
            <text key={t.value} x={t.at} y={g.plot.y + g.plot.height + 12} textAnchor="middle" className="fill-gray-500 text-[10px]">
              {t.text}
            </text>
          ))}
          <text x={g.plot.x + g.plot.width} y={H - 4} textAnchor="end" className="fill-gray-500 text-[10px]">
            share of tasks passed
          </text>
          {g.points.map((p) => (
            <g key={p.label} data-testid="quality-point">
              <circle cx={p.cx} cy={p.cy} r={5} fill={p.color}>
                <title>{`${p.label}: ${formatShare(p.quality)}, ${formatUsd(p.monthlyCost)} a month`}</title>
              </circle>
              <text x={p.cx + (p.anchor === "end" ? -8 : 8)} y={p.cy + 3} textAnchor={p.anchor} className="fill-gray-700 text-[10px]">
                {p.label.length > 28 ? `${p.label.slice(0, 27)}…` : p.label}
              </text>
            </g>
          ))}
          <rect x={g.plot.x} y={g.plot.y} width={g.plot.width} height={g.plot.height} className="fill-none stroke-gray-300" />
        </svg>
      </div>
    </section>
  );
}
