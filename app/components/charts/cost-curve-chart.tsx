"use client";

import { useEffect, useRef, useState } from "react";
import { curveLayout, SERIES_COLORS, type CurveChart } from "@/lib/results/chart-data";
import { formatCount } from "@/lib/format/text";
import { formatUsd, formatUsdCompact } from "@/lib/format/numbers";

// Drawn at the container's own pixel width, so the axis text stays legible on a phone.
const MARGINS = { left: 64, right: 12, top: 16, bottom: 40, markLine: 14 };
const MARK_COLOR = { today: "#111827", breakeven: "#dc2626" } as const;

/**
 * Monthly cost of each option against volume, drawn as plain SVG from the same layout as the
 * memo's chart: a numeric log volume axis, axis titles, and today and the breakeven marked.
 * Pointing at the plot shows every option's cost at the nearest computed volume.
 */
export function CostCurveChart({ chart }: { chart: CurveChart }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(280, Math.round(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const BOX = { ...MARGINS, width, height: width < 500 ? 240 : 280 };
  const g = curveLayout(chart, BOX);
  const [hover, setHover] = useState<number | null>(null);
  const xs = chart.volumes.map((v) => g.x(v));
  const nearest = (svgX: number) => xs.reduce((best, x, i) => (Math.abs(x - svgX) < Math.abs(xs[best] - svgX) ? i : best), 0);
  return (
    <div className="relative" ref={box}>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Monthly cost against requests per month for ${chart.series.length} options`}
        onPointerMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setHover(nearest(((e.clientX - r.left) / r.width) * BOX.width));
        }}
        onPointerLeave={() => setHover(null)}
      >
        <Axes g={g} box={BOX} />
        {g.lines.map((l, i) => (
          <polyline key={l.label} points={l.points} fill="none" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeWidth={2} />
        ))}
        {g.marks.map((m) => (
          <g key={m.label} data-testid={`chart-mark-${m.label}`} data-volume={m.volume}>
            <line x1={m.at} x2={m.at} y1={g.plot.y} y2={g.plot.y + g.plot.height} stroke={MARK_COLOR[m.label]} strokeDasharray="4 3" />
            <text x={m.textX} y={m.textY + 4} textAnchor={m.anchor} fill={MARK_COLOR[m.label]} className="text-[11px] font-medium">
              {m.text}
            </text>
          </g>
        ))}
        {hover !== null ? <line x1={xs[hover]} x2={xs[hover]} y1={g.plot.y} y2={g.plot.y + g.plot.height} stroke="#9ca3af" /> : null}
        <rect x={g.plot.x} y={g.plot.y} width={g.plot.width} height={g.plot.height} fill="none" stroke="#d1d5db" />
      </svg>
      {hover !== null ? <Readout chart={chart} index={hover} /> : null}
      <Legend chart={chart} />
    </div>
  );
}

type Layout = ReturnType<typeof curveLayout>;

/** Gridlines with their values, and the two axis titles. */
function Axes({ g, box }: { g: Layout; box: { width: number; height: number } }) {
  return (
    <>
      {g.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={t.at} y2={t.at} stroke="#e5e7eb" />
          <text x={g.plot.x - 6} y={t.at + 4} textAnchor="end" className="fill-gray-500 text-[11px]">
            {formatUsdCompact(t.value)}
          </text>
        </g>
      ))}
      {g.xTicks.map((t) => (
        <g key={`x${t.value}`}>
          <line x1={t.at} x2={t.at} y1={g.plot.y} y2={g.plot.y + g.plot.height} stroke="#f3f4f6" />
          <text x={t.at} y={g.plot.y + g.plot.height + 15} textAnchor="middle" className="fill-gray-500 text-[11px]">
            {t.text}
          </text>
        </g>
      ))}
      <text x={g.plot.x + g.plot.width / 2} y={box.height - 4} textAnchor="middle" className="fill-gray-600 text-[11px]">
        Requests per month (log scale)
      </text>
      <text
        transform={`translate(12 ${g.plot.y + g.plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        className="fill-gray-600 text-[11px]"
      >
        US$ per month
      </text>
    </>
  );
}

/** Every option's cost at the volume nearest the pointer. */
function Readout({ chart, index: hover }: { chart: CurveChart; index: number }) {
  return (
    <div
      className="pointer-events-none absolute right-2 top-2 max-w-[16rem] rounded border border-gray-200 bg-white/95 p-2 text-xs shadow-sm"
      role="status"
    >
      <p className="font-medium">{formatCount(chart.volumes[hover])} requests/month</p>
      {chart.series.map((s, i) => (
        <p key={s.label} className="flex justify-between gap-3">
          <span className="truncate" style={{ color: SERIES_COLORS[i % SERIES_COLORS.length] }}>
            {s.label}
          </span>
          <span className="tabular-nums">{formatUsd(s.values[hover])}</span>
        </p>
      ))}
    </div>
  );
}

function Legend({ chart }: { chart: CurveChart }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-700">
      {chart.series.map((s, i) => (
        <li key={s.label} className="flex min-w-0 items-center gap-1.5">
          <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} />
          <span className="min-w-0 break-words">{s.label}</span>
        </li>
      ))}
    </ul>
  );
}
