// The memo as PDF with @react-pdf/renderer, from the same content model as the Markdown. Fonts
// are DejaVu Sans files shipped in lib/memo/fonts (no network); charts are vector drawings.
import { Document, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { MemoContent, MemoScenario, Table } from "./content";
import { BOX_TONE, registerFonts, s } from "./pdf-style";
import { HybridBars, QualitySvg, BreakdownBars, CurveSvg, Legend, TornadoBars } from "./pdf-charts";

const bulletBlocks = (items: string[]) => items.map((item, i) => <Bullets key={i} items={[item]} />);

function Bullets({ items }: { items: string[] }) {
  return (
    <View>
      {items.map((item, i) => (
        <View key={i} style={s.bullet} wrap={false}>
          <Text style={s.bulletMark}>•</Text>
          <Text style={s.bulletText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** Column widths in proportion to the longest text of each column, within sensible bounds. */
function widths(t: Table): number[] {
  const longest = t.columns.map((c, j) => Math.max(Math.min(c.length, 12) + 2, ...t.rows.map((r) => (r[j] ?? "").length + 2)));
  // Figures never wrap (right-aligned columns get their full width); prose columns share the rest.
  const capped = longest.map((n, j) => (t.align?.[j] === "right" ? Math.max(n + 1, 8) : Math.min(Math.max(n, 6), 36)));
  const sum = capped.reduce((a, b) => a + b, 0);
  return capped.map((n) => (n / sum) * 100);
}

/** A table whose title, header row and first row stay together on one page. */
function PdfTable({ table, fontSize = 8, title }: { table: Table; fontSize?: number; title?: string }) {
  const w = widths(table);
  const align = (j: number) => (table.align?.[j] === "right" ? "right" : "left");
  const row = (cells: string[], i: number) => (
    <View key={i} style={[s.tr, table.emphasis?.includes(i) ? { backgroundColor: "#eff6ff" } : {}]} wrap={false}>
      {cells.map((c, j) => (
        <Text
          key={j}
          style={[
            s.td,
            { fontSize, width: `${w[j]}%`, textAlign: align(j) },
            table.emphasis?.includes(i) && j === 0 ? { fontWeight: "bold" } : {},
          ]}
        >
          {c}
        </Text>
      ))}
    </View>
  );
  // A short table is kept whole on one page rather than leaving a row or two behind.
  return (
    <View style={{ marginBottom: 8 }} wrap={table.rows.length > 8}>
      <View wrap={false}>
        {title ? <Heading level={3}>{title}</Heading> : null}
        <View style={[s.tr, { borderTopWidth: 0.5, borderTopColor: "#d1d5db" }]}>
          {table.columns.map((c, j) => (
            <Text key={j} style={[s.td, s.th, { width: `${w[j]}%`, textAlign: align(j) }]}>
              {c}
            </Text>
          ))}
        </View>
        {table.rows.length ? row(table.rows[0], 0) : null}
      </View>
      {table.rows.slice(1).map((r, i) => row(r, i + 1))}
    </View>
  );
}

function Heading({ children, level = 2 }: { children: string; level?: 2 | 3 }) {
  // minPresenceAhead keeps a heading from being stranded at the bottom of a page.
  return (
    <Text style={level === 2 ? s.h2 : s.h3} minPresenceAhead={60}>
      {children}
    </Text>
  );
}

/**
 * A titled list of blocks. The heading travels with the first block (react-pdf otherwise leaves
 * a heading alone at the foot of a page when the block after it does not fit).
 */
function Section({ title, level = 2, children }: { title: string; level?: 2 | 3; children: React.ReactNode[] }) {
  const [first, ...rest] = children;
  return (
    <View>
      <View wrap={false}>
        <Heading level={level}>{title}</Heading>
        {first}
      </View>
      {rest}
    </View>
  );
}

function AssumptionTable({ title, items }: { title: string; items: { name: string; value: string; source?: string }[] }) {
  const withSource = items.some((i) => i.source);
  const table: Table = withSource
    ? { columns: ["Assumption", "Value", "Source"], rows: items.map((i) => [i.name, i.value, i.source ?? ""]) }
    : { columns: ["Assumption", "Value"], rows: items.map((i) => [i.name, i.value]) };
  return <PdfTable title={title} table={table} fontSize={7.5} />;
}

function ScenarioBody({ sc, withTitle }: { sc: MemoScenario; withTitle: boolean }) {
  return (
    <View>
      {withTitle ? <Text style={s.title}>{sc.name}</Text> : null}
      <Text style={[s.small, { marginBottom: 8 }]}>
        Revision {sc.revision} saved {sc.savedAt}
        {sc.revisionMessage ? ` (“${sc.revisionMessage}”)` : ""} · status {sc.status} · catalog {sc.catalogVersion}
      </Text>
      {sc.description ? <Text style={s.p}>{sc.description}</Text> : null}
      <View style={[s.box, { borderWidth: 1, ...BOX_TONE[sc.outcome] }]} wrap={false}>
        <Text style={s.headline}>{sc.headline}</Text>
        <Text>{sc.reason}</Text>
        {sc.override ? <Text style={{ marginTop: 4, fontWeight: "bold" }}>{sc.override}</Text> : null}
      </View>
      {sc.warnings.length ? (
        <View style={{ marginBottom: 6 }}>
          <Text style={[s.small, { fontWeight: "bold" }]}>Warnings</Text>
          <Bullets items={sc.warnings} />
        </View>
      ) : null}

      <Section title="Cost of every option">
        {[
          <PdfTable key="costs" table={sc.costTable} />,
          ...sc.infeasible.map((x) => (
            <Text key={x.option} style={[s.small, { color: "#b91c1c" }]}>
              {x.option} does not fit: {x.reason}
            </Text>
          )),
        ]}
      </Section>

      {sc.sizingTable ? (
        <Section title="How each self-host option is sized">{[<PdfTable key="sizing" table={sc.sizingTable} />]}</Section>
      ) : null}

      {sc.breakeven.length ? (
        <Section title="Breakeven">
          {sc.breakeven.map((b) => (
            <View key={b.pair} style={{ marginBottom: 5 }} wrap={false}>
              <Text style={{ fontWeight: "bold" }}>{b.pair}</Text>
              <Text>Fully loaded: {b.fullyLoaded}</Text>
              <Text style={s.muted}>GPU only (no people, no overhead): {b.gpuOnly}</Text>
            </View>
          ))}
        </Section>
      ) : null}
      {sc.projection ? <Text style={s.p}>{sc.projection}</Text> : null}

      <ScenarioCharts sc={sc} />
      <Constraints sc={sc} />

      {sc.hybrid.length ? (
        <Section title="Hybrid and routing: self-hosting part of the load">
          {bulletBlocks(sc.hybrid)}
          {sc.hybridCharts.map((c) => (
            <View key={c.label} wrap={false}>
              <Heading level={3}>{`${c.label}: monthly cost against replicas (chosen: ${c.chosen})`}</Heading>
              <HybridBars chart={c} />
            </View>
          ))}
        </Section>
      ) : null}
      {sc.hiddenCosts.length ? <Section title="Hidden costs">{bulletBlocks(sc.hiddenCosts)}</Section> : null}
      {sc.triggers.length ? <Section title="Revisit this decision when">{bulletBlocks(sc.triggers)}</Section> : null}

      <Section title="Assumptions">
        {sc.assumptions.map((g) => (
          <AssumptionTable key={g.title} title={g.title} items={g.items} />
        ))}
      </Section>
      <Section title="Cost lines">
        {sc.costLines.map((x) => (
          <PdfTable key={x.option} title={x.option} table={x.table} fontSize={7.5} />
        ))}
      </Section>
    </View>
  );
}

/** The scenario's charts (each kept on one page) and its uncertainty. */
function ScenarioCharts({ sc }: { sc: MemoScenario }) {
  return (
    <>
      {sc.charts.curve ? (
        <View wrap={false}>
          <Heading level={3}>Monthly cost against volume</Heading>
          <CurveSvg chart={sc.charts.curve} />
          <Legend labels={sc.charts.curve.series.map((x) => x.label)} />
        </View>
      ) : null}
      {sc.charts.breakdown ? (
        <View wrap={false}>
          <Heading level={3}>Where the money goes (per month)</Heading>
          <BreakdownBars chart={sc.charts.breakdown} />
        </View>
      ) : null}
      {sc.charts.quality ? (
        <View wrap={false}>
          <Heading level={3}>Cost against quality</Heading>
          <QualitySvg chart={sc.charts.quality} />
        </View>
      ) : null}
      {sc.charts.tornado ? (
        <View wrap={false}>
          <Heading level={3}>What moves the answer</Heading>
          <TornadoBars chart={sc.charts.tornado} />
        </View>
      ) : null}
      {sc.uncertainty ? (
        <View wrap={false}>
          <Heading>Uncertainty</Heading>
          <Text style={s.p}>{sc.uncertainty}</Text>
        </View>
      ) : null}
    </>
  );
}

function Constraints({ sc }: { sc: MemoScenario }) {
  if (!sc.constraints.length) return null;
  return (
    <Section title="Constraints">
      {sc.constraints.map((c) => (
        <View key={c.label} style={{ marginBottom: 5 }} wrap={false}>
          <Text style={{ fontWeight: "bold" }}>
            {c.label}
            {c.hard ? "" : " (soft)"}
          </Text>
          {c.checks.map((k) => (
            <Text
              key={k.option}
              style={[s.small, { color: k.verdict === "pass" ? "#065f46" : k.verdict === "fail" ? "#b91c1c" : "#92400e" }]}
            >
              {k.mark} {k.option}: {k.detail}
            </Text>
          ))}
        </View>
      ))}
    </Section>
  );
}

/** Running footer: what the memo is on the left, the page number on the right, on every page. */
function footer(memo: MemoContent) {
  const what = `${memo.team} · ${memo.title.length > 70 ? `${memo.title.slice(0, 69)}…` : memo.title} · ${memo.date}`;
  return [
    <Text key="what" style={[s.footer, { right: 120 }]} fixed>
      {what}
    </Text>,
    <Text
      key="page"
      style={[s.footer, { textAlign: "right" }]}
      fixed
      render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
    />,
  ];
}

export function MemoDocument({ memo }: { memo: MemoContent }) {
  registerFonts();
  const comparison = memo.kind === "comparison";
  return (
    <Document
      title={`Decision memo: ${memo.title}`}
      author={memo.authors.join(", ")}
      subject={`Breakeven decision memo, ${memo.team}`}
      creator="Breakeven"
      producer="Breakeven"
    >
      <Page size="A4" style={s.page}>
        <View style={s.body}>
          <View style={s.cover}>
            <Text style={[s.small, s.muted, { marginBottom: 2 }]}>DECISION MEMO</Text>
            <Text style={s.title}>{memo.title}</Text>
            <View style={s.meta}>
              <Text style={s.metaItem}>Team: {memo.team}</Text>
              <Text style={s.metaItem}>Date: {memo.date}</Text>
              <Text style={s.metaItem}>Authors: {memo.authors.join(", ") || "—"}</Text>
              <Text style={s.metaItem}>Status: {memo.status}</Text>
              <Text style={{ width: "100%" }}>Catalog version: {memo.catalogVersions.join("; ")}</Text>
            </View>
          </View>
          {memo.context ? (
            <Section title="Context">
              {[
                <Text key="c" style={s.p}>
                  {memo.context}
                </Text>,
              ]}
            </Section>
          ) : null}
          {memo.decision ? (
            <Section title="Decision">
              {[
                <Text key="d" style={s.p}>
                  {memo.decision}
                </Text>,
              ]}
            </Section>
          ) : null}
          {memo.summary ? <Section title="Summary">{[<PdfTable key="summary" table={memo.summary} />]}</Section> : null}
          {(memo.differences ?? []).map((d) => (
            <Section key={d.title} title={`What differs and what it does to the decision: ${d.title}`}>
              {[
                ...[...d.outcome, ...d.drivers].map((line, i) => (
                  <Text key={`l${i}`} style={s.p}>
                    • {line}
                  </Text>
                )),
                d.changes ? (
                  <PdfTable key="t" table={d.changes} />
                ) : (
                  <Text key="t" style={s.p}>
                    The inputs are identical.
                  </Text>
                ),
              ]}
            </Section>
          ))}
          {comparison ? null : <ScenarioBody sc={memo.scenarios[0]} withTitle={false} />}
        </View>
        {footer(memo)}
      </Page>
      {/* A comparison gives each scenario its own pages (react-pdf's `break` prop hangs the layout here). */}
      {comparison
        ? memo.scenarios.map((sc) => (
            <Page key={`${sc.name}-${sc.revision}`} size="A4" style={s.page}>
              <View style={s.body}>
                <ScenarioBody sc={sc} withTitle />
              </View>
              {footer(memo)}
            </Page>
          ))
        : null}
    </Document>
  );
}

export function renderMemoPdf(memo: MemoContent): Promise<Buffer> {
  return renderToBuffer(<MemoDocument memo={memo} />);
}
