// A plain-text reading of an evaluation, for the command line (`npm run evaluate -- --summary`).
import type { Evaluation } from "./result-schema";
import { formatCount, plural, THROUGHPUT_PATH_LABEL } from "../format/text";
import { formatShare, formatUsd } from "../format/numbers";

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n - 1) + "…" : s + " ".repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

type Label = (id: string) => string;

export function formatEvaluationText(e: Evaluation): string {
  const label: Label = (id) => e.options.find((o) => o.id === id)?.label ?? id;
  return [
    ...headerLines(e),
    ...e.options.flatMap(optionLines),
    ...e.hybrid.map((h) => describeHybrid(h, label)),
    ...e.routing.map((r) => describeRouting(r, label)),
    "",
    ...breakevenLines(e, label),
    ...analysisLines(e),
    ...constraintLines(e, label),
  ].join("\n");
}

function headerLines(e: Evaluation): string[] {
  return [
    `# ${e.scenarioName}`,
    `${formatCount(e.workload.requestsPerMonth)} requests/month, ${formatCount(e.workload.tokensPerRequest)} tokens/request (${formatCount(e.workload.inputTokensPerMonth + e.workload.outputTokensPerMonth)} tokens/month)`,
    "",
    `Recommendation: ${e.recommendation.headline}`,
    e.recommendation.reason,
    ...e.recommendation.warnings.map((w) => `  warning: ${w}`),
    "",
    `${pad("Option", 46)}${padLeft("Monthly", 14)}${padLeft("$/1M tok", 11)}${padLeft("$/1k req", 11)}`,
  ];
}

function optionLines(o: Evaluation["options"][number]): string[] {
  if (!o.feasible) return [`${pad(o.label, 46)}  does not fit: ${o.reason}`];
  const out = [
    `${pad(o.label, 46)}${padLeft(formatUsd(o.monthlyCost), 14)}${padLeft(o.perMillionTokens == null ? "—" : formatUsd(o.perMillionTokens), 11)}${padLeft(o.perThousandRequests == null ? "—" : formatUsd(o.perThousandRequests), 11)}`,
  ];
  if (o.quality !== null)
    out.push(`    quality: ${formatShare(o.quality)} of tasks passed, ${formatUsd(o.perThousandSuccessful, 2)} per 1k successful tasks`);
  for (const l of o.lines) out.push(`    ${pad(l.label, 58)}${padLeft(formatUsd(l.monthlyCost), 14)}${l.flag ? `  ! ${l.flag}` : ""}`);
  if (o.kind === "api") return [...out, ...o.flags.map((f) => `    ! ${f}`)];
  const s = o.sizing;
  out.push(
    `    sizing: TP=${s.tensorParallel}, ${plural(s.replicas, "replica")} / ${plural(s.gpus, "GPU")}, ${formatCount(s.outputTokensPerSPerReplica)} output tok/s per replica (${THROUGHPUT_PATH_LABEL[s.throughputPath]}), batch ${s.batch}, utilisation ${(s.achievedUtilisation * 100).toFixed(0)}%, bound by ${s.boundBy}, TTFT at peak p50 ${Math.round(s.ttftP50Ms)} ms / p95 ${Math.round(s.ttftP95Ms)} ms`,
  );
  if (s.benchmark) out.push(`    benchmark: ${s.benchmark}`);
  for (const r of s.rejectedBenchmarks) out.push(`    not used: ${r}`);
  for (const n of s.notes) out.push(`    note: ${n}`);
  return out;
}

function breakevenLines(e: Evaluation, label: Label): string[] {
  const show = (x: Evaluation["breakeven"][number]["fullyLoaded"]) =>
    !x.reached
      ? `not reached — ${x.reason}`
      : x.everyVolume
        ? "at any volume (never costs more)"
        : `${formatCount(x.requestsPerMonth)} requests/month (${formatCount(x.tokensPerMonth)} tokens)`;
  return e.breakeven.flatMap((b) => [
    `Breakeven ${label(b.selfHostId)} vs ${b.perApi.length > 1 ? `the cheapest API at each volume (${label(b.apiId)} overtaken last)` : label(b.apiId)}:`,
    `    fully loaded: ${show(b.fullyLoaded)}`,
    `    GPU only:     ${show(b.gpuOnly)}`,
    ...(b.perApi.length > 1 ? b.perApi.map((p) => `    vs ${label(p.apiId)}: ${show(p.fullyLoaded)}`) : []),
  ]);
}

/** Projection, sensitivity, uncertainty and revisit triggers of the best pair. */
function analysisLines(e: Evaluation): string[] {
  const out: string[] = [];
  const p = e.projection;
  if (e.comparison) {
    out.push(
      `Projection over ${p.requestsPerMonth.length} months: cumulative crossover ${p.cumulativeCrossoverMonth ? `in month ${p.cumulativeCrossoverMonth}` : "never"}, monthly crossover ${p.monthlyCrossoverMonth ? `in month ${p.monthlyCrossoverMonth}` : "never"}.`,
      "",
      `Sensitivity of (self-host − API) = ${formatUsd(e.comparison.baseDifference)}/month:`,
      ...e.tornado
        .slice(0, 6)
        .map((t) => `    ${pad(t.label, 34)} ${padLeft(formatUsd(t.lowDelta), 12)} .. ${padLeft(formatUsd(t.highDelta), 12)}`),
    );
  }
  if (e.uncertainty) {
    const u = e.uncertainty;
    out.push(
      `Uncertainty (${u.samples} samples, seed ${u.seed}): P(self-hosting cheaper) = ${(u.probabilitySelfHostCheaper * 100).toFixed(0)}%; difference P10 ${formatUsd(u.p10)}, P50 ${formatUsd(u.p50)}, P90 ${formatUsd(u.p90)}`,
    );
  }
  if (e.triggers.length) out.push("Revisit when:", ...e.triggers.map((t) => `    ${t.text}`));
  return out;
}

function constraintLines(e: Evaluation, label: Label): string[] {
  if (!e.constraints.length) return [];
  return [
    "Constraints:",
    ...e.constraints.flatMap((c) => [
      `    ${c.label}${c.hard ? "" : " (soft)"}`,
      ...c.checks.map((k) => `        ${pad(label(k.optionId), 44)} ${k.verdict}: ${k.detail}`),
    ]),
  ];
}

/** Several evaluations side by side, a block each (`npm run evaluate -- --compare a.json b.json`). */
export function formatComparisonText(named: { file: string; evaluation: Evaluation }[]): string {
  const rows = named.map(({ file, evaluation: e }) => {
    const r = e.recommendation;
    const cost = (id: string | null) => {
      const o = e.options.find((x) => x.id === id);
      return o && o.feasible ? formatUsd(o.monthlyCost) : "—";
    };
    const be = e.breakeven.find((b) => b.selfHostId === r.economic.cheapestSelfHostId)?.fullyLoaded;
    return [
      `${e.scenarioName}  (${file})`,
      `  recommendation: ${r.headline}`,
      `  cheapest API: ${cost(r.economic.cheapestApiId)} /month · cheapest self-host: ${cost(r.economic.cheapestSelfHostId)} /month`,
      `  breakeven (fully loaded): ${be ? (be.reached ? `${formatCount(be.requestsPerMonth)} requests/month` : "not reached") : "—"}`,
    ].join("\n");
  });
  const outcomes = new Set(named.map((n) => `${n.evaluation.recommendation.outcome}:${n.evaluation.recommendation.optionId}`));
  rows.push(outcomes.size === 1 ? "Same recommendation in every scenario." : `${outcomes.size} different recommendations.`);
  return rows.join("\n\n");
}

/** Whether a saved evaluation's recommendation (kind and option) differs from a new one. */
export function recommendationChange(saved: Pick<Evaluation, "recommendation">, now: Evaluation): string | null {
  const a = saved.recommendation;
  const b = now.recommendation;
  if (a.outcome === b.outcome && a.optionId === b.optionId) return null;
  return `Recommendation changed: was "${a.headline}", now "${b.headline}".`;
}

/** A hybrid option in one sentence: the replica count chosen, what they serve, and the two extremes. */
export function describeHybrid(h: Evaluation["hybrid"][number], label: (id: string) => string): string {
  if (!h.feasible) return `${h.label}: ${h.reason}`;
  const parts =
    h.replicas === 0
      ? `no replicas: ${label(h.apiId)} takes every request`
      : h.selfShare >= 1
        ? `${plural(h.replicas, "replica")} of ${label(h.selfHostId)} serve every request`
        : `${plural(h.replicas, "replica")} of ${label(h.selfHostId)} serve ${formatShare(h.selfShare)} of requests and ${label(h.apiId)} takes the overflow`;
  const removed = h.removedBy.length ? ` Not allowed: ${h.removedBy.map((c) => `“${c}”`).join(" and ")}.` : "";
  return `${h.label}: ${parts}, ${formatUsd(h.monthlyCost)} a month (all API ${formatUsd(h.allApiMonthlyCost)}; all self-hosted ${formatUsd(h.allSelfHostMonthlyCost)}).${removed}`;
}

/** A routing option in one sentence: the split, each side's cost, the blended quality. */
export function describeRouting(r: Evaluation["routing"][number], label: (id: string) => string): string {
  if (!r.feasible) return `${r.label}: ${r.reason}`;
  const quality =
    r.quality !== null ? `; ${formatShare(r.quality)} of tasks passed, ${formatUsd(r.perThousandSuccessful, 2)} per 1k successful` : "";
  const removed = r.removedBy.length ? ` Not allowed: ${r.removedBy.map((c) => `“${c}”`).join(" and ")}.` : "";
  return `${r.label}: ${formatShare(r.selfShare)} of requests to ${label(r.selfHostId)} (${formatUsd(r.selfMonthlyCost)}) and the rest to ${label(r.apiId)} (${formatUsd(r.apiMonthlyCost)}), ${formatUsd(r.monthlyCost)} a month${quality}.${removed}`;
}
