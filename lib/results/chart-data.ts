// Shapes an evaluation into what the charts draw, shared by the screen and the memo, so a chart
// always shows the engine's own numbers.
import type { Evaluation } from "../engine";
import { formatCount } from "../format/text";
import { formatCountCompact } from "../format/numbers";

export function optionLabels(e: Evaluation): Record<string, string> {
  return Object.fromEntries(e.options.map((o) => [o.id, o.label]));
}

/** One colour per option, in option order, on screen and in the memo. */
export const SERIES_COLORS = ["#2563eb", "#059669", "#d97706", "#7c3aed", "#e11d48", "#0891b2", "#65a30d", "#9333ea"];

export type CurveChart = {
  volumes: number[];
  series: { label: string; values: number[] }[];
  /** Volumes to mark: today's volume and the breakeven of the compared self-host option. */
  marks: { volume: number; label: "today" | "breakeven" }[];
};

/** Monthly cost of every priced option against volume, with today and the breakeven marked. */
export function curveChart(e: Evaluation): CurveChart | null {
  const series = e.options.filter((o) => o.feasible).map((o) => ({ label: o.label, values: e.costCurve.costs[o.id] }));
  if (!series.length || e.costCurve.requestsPerMonth.length < 2) return null;
  const marks: CurveChart["marks"] = [{ volume: e.workload.requestsPerMonth, label: "today" }];
  for (const b of e.breakeven) {
    if (b.fullyLoaded.reached && !b.fullyLoaded.everyVolume && b.selfHostId === e.comparison?.selfHostId)
      marks.push({ volume: b.fullyLoaded.requestsPerMonth, label: "breakeven" });
  }
  return { volumes: e.costCurve.requestsPerMonth, series, marks };
}

export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** The drawing area, its margins, and the line height of the mark labels stacked at the top. */
export type Box = { width: number; height: number; left: number; right: number; top: number; bottom: number; markLine?: number };

/**
 * Where the cost curve's parts go in a box: a log volume axis with a tick per decade, a linear
 * cost axis from 0 with five ticks, a polyline per option, a vertical line per mark. The memo
 * and the screen draw from this, so the two charts agree point for point.
 */
export function curveLayout(chart: CurveChart, box: Box) {
  const { width: W, height: H, left, right, top, bottom } = box;
  const vols = chart.volumes.filter((v) => v > 0);
  const lo = Math.log10(Math.min(...vols));
  const hi = Math.log10(Math.max(...vols));
  const yMax = niceMax(Math.max(...chart.series.flatMap((x) => x.values)));
  const x = (v: number) => left + ((Math.log10(Math.max(v, 10 ** lo)) - lo) / Math.max(hi - lo, 1e-9)) * (W - left - right);
  const y = (v: number) => top + (1 - v / yMax) * (H - top - bottom);
  // A tick per decade; across fewer than three decades, at 2× and 5× as well.
  const steps = hi - lo < 3 ? [1, 2, 5] : [1];
  const xTicks: { value: number; at: number; text: string }[] = [];
  for (let d = Math.floor(lo); d <= Math.ceil(hi); d++)
    for (const m of steps) {
      const v = m * 10 ** d;
      if (v >= 10 ** lo * 0.999 && v <= 10 ** hi * 1.001) xTicks.push({ value: v, at: x(v), text: formatCountCompact(v) });
    }
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ value: f * yMax, at: y(f * yMax) }));
  const lines = chart.series.map((s) => ({
    label: s.label,
    points: chart.volumes.map((v, k) => `${x(v).toFixed(2)},${y(s.values[k]).toFixed(2)}`).join(" "),
  }));
  const marks = chart.marks.map((m, i) => {
    const at = x(m.volume);
    // A label near the right edge is drawn left of its line, so it stays inside the plot.
    const flip = at > W - 90;
    const anchor: "start" | "end" = flip ? "end" : "start";
    return {
      ...m,
      at,
      text: `${m.label} ${formatCount(m.volume)}`,
      textX: at + (flip ? -3 : 3),
      anchor,
      textY: top + 8 + i * (box.markLine ?? 9),
    };
  });
  return { x, xTicks, yTicks, lines, marks, plot: { x: left, y: top, width: W - left - right, height: H - top - bottom } };
}

const BUCKETS = ["Tokens", "GPU time", "Infrastructure", "People"] as const;

function bucketOf(label: string): (typeof BUCKETS)[number] {
  if (/tokens|batch/i.test(label)) return "Tokens";
  if (/GPU time/.test(label)) return "GPU time";
  if (/overhead|networking|storage|load balancing|observability/i.test(label)) return "Infrastructure";
  return "People";
}

/** Monthly cost of each option split into tokens, GPU time, infrastructure and people. */
export function breakdownRows(e: Evaluation): { rows: Record<string, number | string>[]; categories: string[] } {
  const rows = e.options
    .filter((o) => o.feasible)
    .map((o) => {
      const row: Record<string, number | string> = { option: o.label };
      for (const b of BUCKETS) row[b] = 0;
      for (const l of o.feasible ? o.lines : []) row[bucketOf(l.label)] = (row[bucketOf(l.label)] as number) + l.monthlyCost;
      for (const b of BUCKETS) row[b] = Math.round(row[b] as number);
      return row;
    });
  const used = BUCKETS.filter((b) => rows.some((r) => (r[b] as number) !== 0));
  return { rows, categories: [...used] };
}

export function tornadoRows(e: Evaluation, limit = 8) {
  return e.tornado
    .slice(0, limit)
    .map((t) => ({ input: t.label, "Low value": Math.round(t.lowDelta), "High value": Math.round(t.highDelta) }));
}

export function projectionRows(e: Evaluation) {
  if (!e.comparison) return { rows: [], series: [] as string[] };
  const labels = optionLabels(e);
  const { selfHostId, apiId } = e.comparison;
  const series = [labels[apiId], labels[selfHostId]];
  const rows = e.projection.requestsPerMonth.map((_, i) => ({
    month: `M${i + 1}`,
    [labels[apiId]]: Math.round(e.projection.cumulative[apiId][i]),
    [labels[selfHostId]]: Math.round(e.projection.cumulative[selfHostId][i]),
  }));
  return { rows, series };
}
