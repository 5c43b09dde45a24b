// Shapes an evaluation into the rows the charts draw, shared by the screen and (later) the memo,
// so a chart always shows the engine's own numbers.
import type { Evaluation } from "../engine/result-schema";
import { formatCount } from "../engine/text";

export type CostCurveRow = { volume: string; requestsPerMonth: number; breakeven: boolean } & Record<string, number | string | boolean>;

export function optionLabels(e: Evaluation): Record<string, string> {
  return Object.fromEntries(e.options.map((o) => [o.id, o.label]));
}

/** Cost of every priced option against volume; the x axis is log-spaced volumes as labels. */
export function costCurveRows(e: Evaluation): { rows: CostCurveRow[]; series: string[]; breakevenLabels: string[] } {
  const labels = optionLabels(e);
  const marks = new Set(
    e.breakeven.flatMap((b) => (b.fullyLoaded.reached && !b.fullyLoaded.everyVolume ? [b.fullyLoaded.requestsPerMonth] : [])),
  );
  const priced = e.options.filter((o) => o.feasible).map((o) => o.id);
  const rows = e.costCurve.requestsPerMonth.map((volume, i) => {
    const isMark = marks.has(volume);
    const row: CostCurveRow = { volume: `${formatCount(volume)}${isMark ? " ◆" : ""}`, requestsPerMonth: volume, breakeven: isMark };
    for (const id of priced) row[labels[id]] = Math.round(e.costCurve.costs[id][i]);
    return row;
  });
  return { rows, series: priced.map((id) => labels[id]), breakevenLabels: rows.filter((r) => r.breakeven).map((r) => r.volume) };
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
