// Cost against quality: each option with a quality figure as a point (share of tasks passed
// across, monthly cost up), laid out once for the screen and the memo.
import type { Evaluation } from "../engine";
import { formatShare } from "../format/numbers";
import { niceMax, SERIES_COLORS, type Box } from "./chart-data";

export type QualityChart = { points: { label: string; quality: number; monthlyCost: number; color: string }[] };

/** The options that carry a quality figure, in option order with their series colour; null below two. */
export function qualityChart(e: Evaluation): QualityChart | null {
  const points = e.options.flatMap((o, i) =>
    o.feasible && o.quality !== null
      ? [{ label: o.label, quality: o.quality, monthlyCost: o.monthlyCost, color: SERIES_COLORS[i % SERIES_COLORS.length] }]
      : [],
  );
  return points.length >= 2 ? { points } : null;
}

/** Axes from the lowest quality (rounded down to 10%) to 100% and from $0 to a round cost above the dearest. */
export function qualityLayout(chart: QualityChart, box: Box) {
  const { width: W, height: H, left, right, top, bottom } = box;
  const qLo = Math.max(0, Math.floor(Math.min(...chart.points.map((p) => p.quality)) * 10) / 10 - 0.1);
  const yMax = niceMax(Math.max(...chart.points.map((p) => p.monthlyCost)));
  const x = (q: number) => left + ((q - qLo) / Math.max(1 - qLo, 1e-9)) * (W - left - right);
  const y = (c: number) => top + (1 - c / yMax) * (H - top - bottom);
  const xTicks = [];
  for (let q = qLo; q <= 1.0001; q += 0.1) xTicks.push({ value: q, at: x(q), text: formatShare(Math.round(q * 10) / 10) });
  const yTicks = [0, 0.5, 1].map((f) => ({ value: f * yMax, at: y(f * yMax) }));
  const points = chart.points.map((p) => ({
    ...p,
    cx: x(p.quality),
    cy: y(p.monthlyCost),
    anchor: x(p.quality) > W - 110 ? ("end" as const) : ("start" as const),
  }));
  return { xTicks, yTicks, points, plot: { x: left, y: top, width: W - left - right, height: H - top - bottom } };
}
