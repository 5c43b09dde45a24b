// The decision memo's content model (DESIGN.md "Decision memo"): built once from scenario
// revisions and their evaluations, then rendered as PDF (pdf.tsx) and Markdown (markdown.ts).
// Every figure here is read from the engine's result and formatted with the screen's helpers;
// nothing is computed a second time.
import type { Evaluation, OptionResult } from "../engine";
import type { ScenarioInput } from "../engine";
import { formatCount, THROUGHPUT_PATH_LABEL } from "../format/text";
import { formatPrice, formatShare, formatUsd, groupDigits } from "../format/numbers";
import { breakdownRows, curveChart, type CurveChart } from "../results/chart-data";
import { summarizeChange } from "../results/decision-summary";
import { qualityChart, type QualityChart } from "../results/quality-chart";
import {
  describeBreakeven,
  describeHybrid,
  describeRouting,
  OUTCOME_WORD,
  describeOverride,
  describeUncertainty,
  VERDICT_MARK,
} from "../results/text";
import { assumptions } from "./assumptions";
import { isoDay } from "../format/dates";

export type MemoScenarioSource = {
  name: string;
  description: string;
  status: string;
  revision: number;
  savedAt: Date;
  message: string;
  authors: string[];
  catalogVersion: { label: string; effectiveDate: Date } | null;
  input: ScenarioInput;
  evaluation: Evaluation;
};

export type MemoRequest = {
  team: string;
  generatedAt: Date;
  /** Free text written by the team for this memo. */
  context?: string;
  decision?: string;
  scenarios: MemoScenarioSource[];
};

export type Table = { columns: string[]; align?: ("left" | "right")[]; rows: string[][]; emphasis?: number[] };

export type BarsChart = { categories: string[]; rows: { label: string; values: number[]; total: string }[] };
export type TornadoChart = { base: string; bars: { label: string; low: number; high: number; lowValue: string; highValue: string }[] };

export type AssumptionGroup = { title: string; items: { name: string; value: string; source?: string }[] };

export type MemoScenario = {
  name: string;
  description: string;
  status: string;
  revision: number;
  savedAt: string;
  revisionMessage: string;
  authors: string[];
  catalogVersion: string;
  outcome: Evaluation["recommendation"]["outcome"];
  headline: string;
  reason: string;
  override: string | null;
  warnings: string[];
  costTable: Table;
  /** Self-host options that fit: how each is sized and where its throughput comes from. */
  sizingTable: Table | null;
  costLines: { option: string; table: Table }[];
  infeasible: { option: string; reason: string }[];
  breakeven: { pair: string; fullyLoaded: string; gpuOnly: string }[];
  projection: string | null;
  charts: { curve: CurveChart | null; breakdown: BarsChart | null; tornado: TornadoChart | null; quality: QualityChart | null };
  uncertainty: string | null;
  constraints: { label: string; hard: boolean; checks: { option: string; verdict: string; mark: string; detail: string }[] }[];
  assumptions: AssumptionGroup[];
  hiddenCosts: string[];
  triggers: string[];
  hybrid: string[];
  hybridCharts: HybridChart[];
};

/** A hybrid option's cost against replicas, for the memo's bar chart. */
export type HybridChart = { label: string; replicas: number[]; costs: number[]; chosen: number };

export type MemoContent = {
  kind: "scenario" | "comparison";
  title: string;
  team: string;
  authors: string[];
  date: string;
  status: string;
  catalogVersions: string[];
  context: string | null;
  decision: string | null;
  /** Comparison memos: one row per scenario. */
  summary: Table | null;
  /** Comparison memos: each scenario against the first, in words, before the scenarios' pages. */
  differences: MemoDifference[] | null;
  scenarios: MemoScenario[];
};

export type MemoDifference = { title: string; outcome: string[]; drivers: string[]; changes: Table | null };

const catalogName = (c: MemoScenarioSource["catalogVersion"]) =>
  c ? `${c.label} (effective ${isoDay(c.effectiveDate)})` : "prices entered by hand";

function sizingTable(e: Evaluation): Table | null {
  const rows = e.options.flatMap((o) => {
    if (o.kind !== "self-host" || !o.feasible) return [];
    const z = o.sizing;
    return [
      [
        o.label,
        String(z.tensorParallel),
        groupDigits(z.replicas),
        groupDigits(z.gpus),
        groupDigits(z.batch),
        groupDigits(z.outputTokensPerSPerReplica),
        `${groupDigits(z.ttftP50Ms)} / ${groupDigits(z.ttftP95Ms)} ms`,
        THROUGHPUT_PATH_LABEL[z.throughputPath],
        z.boundBy,
      ],
    ];
  });
  if (!rows.length) return null;
  return {
    columns: [
      "Option",
      "Tensor parallel",
      "Replicas",
      "GPUs",
      "Batch",
      "Output tokens/s per replica",
      "First token p50 / p95",
      "Throughput from",
      "Sized by",
    ],
    align: ["left", "right", "right", "right", "right", "right", "right", "left", "left"],
    rows,
  };
}

export function buildMemo(req: MemoRequest): MemoContent {
  const scenarios = req.scenarios.map(scenarioSection);
  const single = scenarios.length === 1;
  return {
    kind: single ? "scenario" : "comparison",
    title: single ? scenarios[0].name : `Comparison: ${scenarios.map((s) => s.name).join(" · ")}`,
    team: req.team,
    authors: [...new Set(req.scenarios.flatMap((s) => s.authors))],
    date: isoDay(req.generatedAt),
    status: single ? scenarios[0].status : [...new Set(scenarios.map((s) => s.status))].join(", "),
    catalogVersions: [...new Set(scenarios.map((s) => s.catalogVersion))],
    context: req.context?.trim() || null,
    decision: req.decision?.trim() || null,
    summary: single ? null : summaryTable(req.scenarios),
    differences: single ? null : req.scenarios.slice(1).map((s) => differenceSection(req.scenarios[0], s)),
    scenarios,
  };
}

const sideOf = (s: MemoScenarioSource) => ({ label: `${s.name} (rev. ${s.revision})`, input: s.input, evaluation: s.evaluation });

function differenceSection(first: MemoScenarioSource, other: MemoScenarioSource): MemoDifference {
  const summary = summarizeChange(sideOf(first), sideOf(other));
  const n = summary.differences.length;
  const drivers = summary.drivers.map(
    (d) => `${d.difference.section} · ${d.difference.label}: ${d.difference.from} → ${d.difference.to} — ${d.effect}.`,
  );
  if (n && !drivers.length)
    drivers.push(`${n} input${n === 1 ? " differs" : "s differ"}; none of them alone changes the recommended option or its cost.`);
  return {
    title: `${sideOf(other).label} against ${sideOf(first).label}`,
    outcome: summary.outcome,
    drivers,
    changes: n
      ? {
          columns: ["Section", "Input", sideOf(first).label, sideOf(other).label],
          rows: summary.differences.map((d) => [d.section, d.label, d.from, d.to]),
        }
      : null,
  };
}

function summaryTable(sources: MemoScenarioSource[]): Table {
  return {
    columns: ["Scenario", "Volume", "Recommendation", "Per month", "Breakeven (fully loaded)"],
    align: ["left", "right", "left", "right", "left"],
    rows: sources.map((s) => {
      const e = s.evaluation;
      const r = e.recommendation;
      const be = e.breakeven.find((b) => b.selfHostId === e.comparison?.selfHostId) ?? e.breakeven[0];
      return [
        `${s.name} (rev. ${s.revision})`,
        `${formatCount(e.workload.requestsPerMonth)} req/mo`,
        r.outcome === "infeasible" ? OUTCOME_WORD.infeasible : `${OUTCOME_WORD[r.outcome]}: ${r.label}`,
        formatUsd(r.monthlyCost),
        be ? describeBreakeven(be.fullyLoaded) : "—",
      ];
    }),
  };
}

function scenarioSection(s: MemoScenarioSource): MemoScenario {
  const e = s.evaluation;
  const r = e.recommendation;
  const label = (id: string) => e.options.find((o) => o.id === id)?.label ?? id;
  const feasible = e.options.filter((o): o is Extract<OptionResult, { feasible: true }> => o.feasible);
  const warnings = [...r.warnings, ...e.options.flatMap((o) => (o.kind === "api" ? o.flags.map((f) => `${o.label}: ${f}`) : []))];
  return {
    name: s.name,
    description: s.description,
    status: s.status,
    revision: s.revision,
    savedAt: isoDay(s.savedAt),
    revisionMessage: s.message,
    authors: s.authors,
    catalogVersion: catalogName(s.catalogVersion),
    outcome: r.outcome,
    headline: r.headline,
    reason: r.reason,
    override: describeOverride(r),
    warnings: [...new Set(warnings)],
    costTable: {
      columns: ["Option", "Kind", "Per month", "Per year", "Per 1M tokens", "Per 1k requests"],
      align: ["left", "left", "right", "right", "right", "right"],
      rows: e.options.map((o) =>
        o.feasible
          ? [
              o.label,
              o.kind === "api" ? "API" : "Self-host",
              formatUsd(o.monthlyCost),
              formatUsd(o.annualCost),
              formatUsd(o.perMillionTokens, 2),
              formatUsd(o.perThousandRequests, 2),
            ]
          : [o.label, "Self-host", "does not fit", "—", "—", "—"],
      ),
      emphasis: r.optionId ? [e.options.findIndex((o) => o.id === r.optionId)] : [],
    },
    sizingTable: sizingTable(e),
    costLines: feasible.map((o) => ({
      option: o.label,
      table: {
        columns: ["Line", "Quantity × unit price", "Per month", "Source"],
        align: ["left", "right", "right", "left"],
        rows: o.lines.map((l) => [
          l.flag ? `${l.label} (${l.flag})` : l.label,
          `${groupDigits(l.quantity, l.quantity < 100 ? 2 : 0)} ${l.unit} × ${Math.abs(l.unitPrice) >= 1 ? formatUsd(l.unitPrice, 2) : formatPrice(l.unitPrice)}`,
          formatUsd(l.monthlyCost),
          l.source,
        ]),
      },
    })),
    infeasible: e.options.flatMap((o) => (o.feasible ? [] : [{ option: o.label, reason: o.reason }])),
    breakeven: e.breakeven.map((b) => ({
      pair: `${label(b.selfHostId)} vs ${label(b.apiId)}`,
      fullyLoaded: describeBreakeven(b.fullyLoaded),
      gpuOnly: describeBreakeven(b.gpuOnly),
    })),
    projection: projectionText(e),
    charts: { curve: curveChart(e), breakdown: breakdownChart(e), tornado: tornadoChart(e), quality: qualityChart(e) },
    uncertainty: e.uncertainty ? describeUncertainty(e.uncertainty) : null,
    constraints: e.constraints.map((c) => ({
      label: c.label,
      hard: c.hard,
      checks: c.checks.map((k) => ({ option: label(k.optionId), verdict: k.verdict, mark: VERDICT_MARK[k.verdict], detail: k.detail })),
    })),
    assumptions: assumptions(s.input),
    hiddenCosts: hiddenCosts(e),
    triggers: e.triggers.map((t) => t.text),
    hybrid: [...e.hybrid.map((h) => describeHybrid(h, label)), ...e.routing.map((r) => describeRouting(r, label))],
    hybridCharts: e.hybrid.flatMap((h) =>
      h.feasible ? [{ label: h.label, replicas: h.curve.replicas, costs: h.curve.monthlyCost, chosen: h.replicas }] : [],
    ),
  };
}

function projectionText(e: Evaluation): string | null {
  if (!e.comparison) return null;
  const p = e.projection;
  const months = p.requestsPerMonth.length;
  const cum = p.cumulativeCrossoverMonth
    ? `cumulative self-host spend drops below the API's in month ${p.cumulativeCrossoverMonth}`
    : "cumulative self-host spend never drops below the API's";
  const mon = p.monthlyCrossoverMonth ? `the monthly bill crosses in month ${p.monthlyCrossoverMonth}` : "the monthly bill never crosses";
  return `Over ${months} months: ${cum}; ${mon}.`;
}

function breakdownChart(e: Evaluation): BarsChart | null {
  const { rows, categories } = breakdownRows(e);
  if (!rows.length || !categories.length) return null;
  // The bar's figure is the option's own monthly cost, not the sum of the rounded categories.
  const totals = e.options.filter((o) => o.feasible).map((o) => formatUsd(o.monthlyCost));
  return {
    categories,
    rows: rows.map((r, i) => ({ label: String(r.option), values: categories.map((c) => Number(r[c])), total: totals[i] })),
  };
}

function tornadoChart(e: Evaluation): TornadoChart | null {
  if (!e.comparison || !e.tornado.length) return null;
  const show = (t: Evaluation["tornado"][number], v: number) =>
    t.kind === "multiplier" ? `×${groupDigits(v, 2)}` : t.input === "salary" ? formatUsd(v) : v <= 1 ? formatShare(v) : groupDigits(v, 1);
  return {
    base: formatUsd(e.comparison.baseDifference),
    bars: e.tornado
      .slice(0, 8)
      .map((t) => ({ label: t.label, low: t.lowDelta, high: t.highDelta, lowValue: show(t, t.low), highValue: show(t, t.high) })),
  };
}

function hiddenCosts(e: Evaluation): string[] {
  const out: string[] = [];
  const line = (o: Extract<OptionResult, { feasible: true }>, prefix: string) => o.lines.find((l) => l.label.startsWith(prefix));
  for (const o of e.options) {
    if (!o.feasible) continue;
    if (o.kind === "self-host") {
      const eng = line(o, "Serving-stack engineering");
      const setup = line(o, "One-time set-up");
      const switching = line(o, "Model switches");
      if (eng)
        out.push(
          `${o.label}: ${groupDigits(eng.quantity, 2)} engineer(s) on call, upgrading and tuning the serving stack cost ${formatUsd(eng.monthlyCost)} a month. That is time not spent on the product: the opportunity cost a GPU-only comparison leaves out.`,
        );
      if (setup)
        out.push(
          `${o.label}: set-up work (${setup.source.replace(/^Assumption: /, "")}) is spread over the horizon at ${formatUsd(setup.monthlyCost)} a month; it is spent up front, before the first request is served.`,
        );
      if (switching)
        out.push(
          `${o.label}: moving to a newer open model means evaluation, re-tuning and rollout, ${formatUsd(switching.monthlyCost)} a month (${switching.source.replace(/^Assumption: /, "")}). With an API a model switch is a configuration change.`,
        );
    } else {
      const integ = line(o, "Integration and maintenance");
      if (integ)
        out.push(
          `${o.label}: the API is not free to run either, ${groupDigits(integ.quantity, 2)} FTE of integration and maintenance (${formatUsd(integ.monthlyCost)} a month).`,
        );
    }
  }
  return out;
}
