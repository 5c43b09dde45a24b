// The memo as Markdown, from the same content model as the PDF. Charts become small tables of
// the figures they draw.
import { formatCount } from "../format/text";
import { formatUsd } from "../format/numbers";
import type { MemoContent, MemoScenario, Table } from "./content";

// Everything the memo quotes is text: names, messages, reasons and the context a link may pre-fill.
// Markdown's active characters are escaped, so no raw HTML, link, image or heading can be forged.
const ACTIVE = /[\\`*_[\]<>#|~]/g;
const esc = (s: string) => s.replace(ACTIVE, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
const cell = esc;

/** Text that may hold paragraphs (context, decision, description): each line escaped, list markers too. */
const paragraphs = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((line) => esc(line.trim()).replace(/^([-+]|\d+[.)])(\s)/, "\\$1$2"))
        .join("  \n"),
    )
    .join("\n\n");

export function table(t: Table): string {
  const align = t.columns.map((_, i) => (t.align?.[i] === "right" ? "---:" : "---"));
  return [
    `| ${t.columns.map(cell).join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...t.rows.map((r, i) => `| ${r.map((c, j) => (t.emphasis?.includes(i) && j === 0 ? `**${cell(c)}**` : cell(c))).join(" | ")} |`),
  ].join("\n");
}

const list = (items: string[]) => items.map((i) => `- ${esc(i)}`).join("\n");

function scenarioMarkdown(s: MemoScenario, withTitle: boolean): string {
  const out: string[] = [];
  const heading = "##";
  if (withTitle) out.push(`${heading} ${esc(s.name)}`);
  out.push(
    `Revision ${s.revision} saved ${s.savedAt}${s.revisionMessage ? ` (“${esc(s.revisionMessage)}”)` : ""} · status ${s.status} · catalog ${esc(s.catalogVersion)}`,
  );
  if (s.description) out.push(paragraphs(s.description));
  out.push(`**Recommendation: ${esc(s.headline)}**`);
  out.push(esc(s.reason));
  if (s.override) out.push(`**${esc(s.override)}**`);
  if (s.warnings.length) out.push(`Warnings:\n\n${list(s.warnings)}`);
  const sub = `${heading}#`;
  out.push(`${sub} Cost of every option\n\n${table(s.costTable)}`);
  if (s.sizingTable) out.push(`${sub} How each self-host option is sized\n\n${table(s.sizingTable)}`);
  for (const x of s.infeasible) out.push(`${esc(x.option)} does not fit: ${esc(x.reason)}`);
  if (s.breakeven.length) {
    out.push(
      `${sub} Breakeven\n\n${s.breakeven.map((b) => `**${esc(b.pair)}**\n\n- Fully loaded: ${esc(b.fullyLoaded)}\n- GPU only (no people, no overhead): ${esc(b.gpuOnly)}`).join("\n\n")}`,
    );
  }
  if (s.projection) out.push(esc(s.projection));
  const c = s.charts;
  if (c.curve) {
    const pick = new Set(c.curve.marks.map((m) => m.volume));
    const step = Math.max(1, Math.floor(c.curve.volumes.length / 6));
    const idx = c.curve.volumes
      .map((_, i) => i)
      .filter((i) => i % step === 0 || pick.has(c.curve!.volumes[i]) || i === c.curve!.volumes.length - 1);
    const markOf = (v: number) =>
      c
        .curve!.marks.filter((m) => m.volume === v)
        .map((m) => ` (${m.label})`)
        .join("");
    out.push(
      `${sub} Cost against volume\n\n${table({
        columns: ["Requests/month", ...c.curve.series.map((x) => x.label)],
        align: ["right", ...c.curve.series.map(() => "right" as const)],
        rows: idx.map((i) => [
          `${formatCount(c.curve!.volumes[i])}${markOf(c.curve!.volumes[i])}`,
          ...c.curve!.series.map((x) => formatUsd(x.values[i])),
        ]),
      })}`,
    );
  }
  if (c.breakdown) {
    out.push(
      `${sub} Cost breakdown per month\n\n${table({ columns: ["Option", ...c.breakdown.categories], align: ["left", ...c.breakdown.categories.map(() => "right" as const)], rows: c.breakdown.rows.map((r) => [r.label, ...r.values.map((v) => formatUsd(v))]) })}`,
    );
  }
  if (c.tornado) {
    out.push(
      `${sub} Sensitivity of (self-host − API), today ${c.tornado.base} a month\n\n${table({
        columns: ["Input", "Low", "Change", "High", "Change"],
        align: ["left", "right", "right", "right", "right"],
        rows: c.tornado.bars.map((b) => [b.label, b.lowValue, formatUsd(b.low), b.highValue, formatUsd(b.high)]),
      })}`,
    );
  }
  if (s.uncertainty) out.push(`${sub} Uncertainty\n\n${esc(s.uncertainty)}`);
  if (s.constraints.length) {
    out.push(
      `${sub} Constraints\n\n${s.constraints.map((k) => `**${esc(k.label)}**${k.hard ? "" : " (soft)"}\n\n${list(k.checks.map((x) => `${x.mark} ${x.option}: ${x.detail}`))}`).join("\n\n")}`,
    );
  }
  if (s.hybrid.length) out.push(`${sub} Hybrid and routing: self-hosting part of the load\n\n${list(s.hybrid)}`);
  if (s.hiddenCosts.length) out.push(`${sub} Hidden costs\n\n${list(s.hiddenCosts)}`);
  if (s.triggers.length) out.push(`${sub} Revisit this decision when\n\n${list(s.triggers)}`);
  out.push(`${sub} Assumptions`);
  for (const g of s.assumptions) {
    out.push(
      `**${esc(g.title)}**\n\n${table({ columns: ["Assumption", "Value", "Source"], rows: g.items.map((i) => [i.name, i.value, i.source ?? ""]) })}`,
    );
  }
  for (const x of s.costLines) out.push(`**Cost lines: ${esc(x.option)}**\n\n${table(x.table)}`);
  return out.join("\n\n");
}

export function memoMarkdown(m: MemoContent): string {
  const out: string[] = [];
  out.push(`# ${m.kind === "comparison" ? "Decision memo — " : "Decision memo: "}${esc(m.title)}`);
  out.push(
    [
      `Team: ${esc(m.team)}`,
      `Authors: ${esc(m.authors.join(", ")) || "—"}`,
      `Date: ${m.date}`,
      `Status: ${m.status}`,
      `Catalog version: ${esc(m.catalogVersions.join("; "))}`,
    ]
      .map((l) => `${l}  `)
      .join("\n"),
  );
  if (m.context) out.push(`## Context\n\n${paragraphs(m.context)}`);
  if (m.decision) out.push(`## Decision\n\n${paragraphs(m.decision)}`);
  if (m.summary) out.push(`## Summary\n\n${table(m.summary)}`);
  for (const d of m.differences ?? [])
    out.push(
      [
        `## What differs and what it does to the decision: ${esc(d.title)}`,
        d.outcome.map((l) => `- ${esc(l)}`).join("\n"),
        d.drivers.map((l) => `- ${esc(l)}`).join("\n"),
        d.changes ? table(d.changes) : "The inputs are identical.",
      ]
        .filter(Boolean)
        .join("\n\n"),
    );
  for (const s of m.scenarios) out.push(scenarioMarkdown(s, m.kind === "comparison"));
  out.push(`---\nGenerated by Breakeven on ${m.date}. Figures are the cost engine's own; prices as of the catalog version named above.`);
  return out.join("\n\n") + "\n";
}
