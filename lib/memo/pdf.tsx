// The memo as PDF with @react-pdf/renderer, from the same content model as the Markdown. Fonts
// are DejaVu Sans files shipped in lib/memo/fonts (no network); charts are vector drawings.
import path from "node:path";
import { Document, Font, Line, Page, Polyline, Rect, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import { formatUsdCompact } from "../format/numbers";
import { curveLayout, SERIES_COLORS, type CurveChart } from "../results/chart-data";
import type { BarsChart, MemoContent, MemoScenario, Table, TornadoChart } from "./content";

const FONT = "DejaVu Sans";
let fontsRegistered = false;

function registerFonts() {
  if (fontsRegistered) return;
  const dir = path.join(process.cwd(), "lib", "memo", "fonts");
  Font.register({
    family: FONT,
    fonts: [{ src: path.join(dir, "DejaVuSans.ttf") }, { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" }],
  });
  // Words are never split with a hyphen: option names and figures must read whole.
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

const GRAY = "#6b7280";
const PAGE_WIDTH = 595.28; // A4
const MARGIN = 44;
const CONTENT = PAGE_WIDTH - 2 * MARGIN;

const s = StyleSheet.create({
  // lineHeight lives on the body, not the page: on the page it blanks the page-number footer.
  body: { lineHeight: "12.6pt" },
  page: { fontFamily: FONT, fontSize: 9, color: "#111827", paddingTop: 48, paddingBottom: 56, paddingHorizontal: MARGIN },
  footer: { position: "absolute", bottom: 24, left: MARGIN, right: MARGIN, fontSize: 7.5, color: GRAY },
  title: { fontSize: 18, fontWeight: "bold", lineHeight: 1.25, marginBottom: 8 },
  cover: { borderBottomWidth: 1, borderBottomColor: "#d1d5db", paddingBottom: 10, marginBottom: 14 },
  meta: { flexDirection: "row", flexWrap: "wrap", fontSize: 8.5, color: "#374151" },
  metaItem: { width: "50%", marginBottom: 2 },
  h2: { fontSize: 13, lineHeight: 1.3, fontWeight: "bold", marginTop: 12, marginBottom: 6 },
  h3: { fontSize: 10.5, lineHeight: 1.3, fontWeight: "bold", marginTop: 10, marginBottom: 4 },
  p: { marginBottom: 5 },
  small: { fontSize: 8, color: "#374151" },
  muted: { color: GRAY },
  box: { borderRadius: 3, padding: 9, marginBottom: 8 },
  headline: { fontSize: 11.5, lineHeight: 1.3, fontWeight: "bold", marginBottom: 4 },
  bullet: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 10 },
  bulletText: { flex: 1 },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb", paddingVertical: 2.5 },
  th: { fontWeight: "bold", fontSize: 7.5, color: "#374151" },
  td: { paddingHorizontal: 3 },
});

const BOX_TONE = {
  api: { backgroundColor: "#eff6ff", borderColor: "#bfdbfe" },
  "self-host": { backgroundColor: "#ecfdf5", borderColor: "#a7f3d0" },
  infeasible: { backgroundColor: "#fef2f2", borderColor: "#fecaca" },
};

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

function Legend({ labels, colors = SERIES_COLORS }: { labels: string[]; colors?: string[] }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: 4 }}>
      {labels.map((l, i) => (
        <View key={l} style={{ flexDirection: "row", alignItems: "center", marginRight: 10, marginBottom: 2 }}>
          <View style={{ width: 8, height: 8, backgroundColor: colors[i % colors.length], marginRight: 3 }} />
          <Text style={{ fontSize: 7.5 }}>{l}</Text>
        </View>
      ))}
    </View>
  );
}

/** Monthly cost against volume on a log axis, with today's volume and the breakeven marked. */
export function CurveSvg({ chart }: { chart: CurveChart }) {
  const W = CONTENT;
  const H = 210;
  const g = curveLayout(chart, { width: W, height: H, left: 52, right: 10, top: 14, bottom: 24 });
  const markColor = (label: string) => (label === "today" ? "#111827" : "#dc2626");
  return (
    <Svg width={W} height={H}>
      {g.yTicks.map((t) => (
        <Line key={`y${t.value}`} x1={g.plot.x} x2={W - 10} y1={t.at} y2={t.at} stroke="#e5e7eb" strokeWidth={0.5} />
      ))}
      {g.yTicks.map((t) => (
        <Text key={`yl${t.value}`} x={g.plot.x - 4} y={t.at + 2.5} style={{ fontSize: 6.5, fill: GRAY }} textAnchor="end">
          {formatUsdCompact(t.value)}
        </Text>
      ))}
      {g.xTicks.map((t) => (
        <Line key={`x${t.value}`} x1={t.at} x2={t.at} y1={g.plot.y} y2={g.plot.y + g.plot.height} stroke="#f3f4f6" strokeWidth={0.5} />
      ))}
      {g.xTicks.map((t) => (
        <Text key={`xl${t.value}`} x={t.at} y={g.plot.y + g.plot.height + 10} style={{ fontSize: 6.5, fill: GRAY }} textAnchor="middle">
          {t.text}
        </Text>
      ))}
      <Text x={W - 10} y={H - 2} style={{ fontSize: 6.5, fill: GRAY }} textAnchor="end">
        requests per month (log scale)
      </Text>
      {g.lines.map((l, i) => (
        <Polyline key={l.label} points={l.points} stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeWidth={1.4} fill="none" />
      ))}
      {g.marks.map((m, i) => (
        <Line
          key={`m${i}`}
          x1={m.at}
          x2={m.at}
          y1={g.plot.y}
          y2={g.plot.y + g.plot.height}
          stroke={markColor(m.label)}
          strokeWidth={0.8}
          strokeDasharray="3,2"
        />
      ))}
      {g.marks.map((m, i) => (
        <Text key={`ml${i}`} x={m.textX} y={m.textY} style={{ fontSize: 6.5, fill: markColor(m.label) }} textAnchor={m.anchor}>
          {m.text}
        </Text>
      ))}
      <Rect x={g.plot.x} y={g.plot.y} width={g.plot.width} height={g.plot.height} stroke="#d1d5db" strokeWidth={0.5} fill="none" />
    </Svg>
  );
}

/** Stacked horizontal bars: each option's monthly cost split into categories. */
function BreakdownBars({ chart }: { chart: BarsChart }) {
  const labelWidth = 150;
  const barWidth = CONTENT - labelWidth - 60;
  const max = Math.max(...chart.rows.map((r) => r.values.reduce((a, b) => a + Math.max(0, b), 0)), 1);
  return (
    <View>
      {chart.rows.map((r) => {
        return (
          <View key={r.label} style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }} wrap={false}>
            <Text style={{ width: labelWidth, fontSize: 7.5, paddingRight: 4 }}>{r.label}</Text>
            <Svg width={barWidth} height={10}>
              {r.values.map((v, i) => {
                const before = r.values.slice(0, i).reduce((a, b) => a + Math.max(0, b), 0);
                return v > 0 ? (
                  <Rect
                    key={i}
                    x={(before / max) * barWidth}
                    y={0}
                    width={Math.max(0.5, (v / max) * barWidth)}
                    height={10}
                    fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                  />
                ) : null;
              })}
            </Svg>
            <Text style={{ width: 60, fontSize: 7.5, textAlign: "right" }}>{r.total}</Text>
          </View>
        );
      })}
      <Legend labels={chart.categories} />
    </View>
  );
}

/** Tornado: change of (self-host − API) when each input moves to its low and high value. */
function TornadoBars({ chart }: { chart: TornadoChart }) {
  const labelWidth = 150;
  const valueWidth = 70;
  const barWidth = CONTENT - labelWidth - 2 * valueWidth;
  const max = Math.max(...chart.bars.flatMap((b) => [Math.abs(b.low), Math.abs(b.high)]), 1);
  const mid = barWidth / 2;
  const w = (v: number) => (Math.abs(v) / max) * (mid - 2);
  return (
    <View>
      {chart.bars.map((b) => (
        <View key={b.label} style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }} wrap={false}>
          <Text style={{ width: labelWidth, fontSize: 7.5, paddingRight: 4 }}>{b.label}</Text>
          <Text
            style={{ width: valueWidth, fontSize: 7, textAlign: "right", paddingRight: 4, color: GRAY }}
          >{`${b.lowValue}: ${formatUsdCompact(b.low)}`}</Text>
          <Svg width={barWidth} height={10}>
            <Rect x={b.low < 0 ? mid - w(b.low) : mid} y={0} width={Math.max(0.5, w(b.low))} height={10} fill={SERIES_COLORS[0]} />
            <Rect
              x={b.high < 0 ? mid - w(b.high) : mid}
              y={b.low !== 0 && Math.sign(b.low) === Math.sign(b.high) ? 5 : 0}
              width={Math.max(0.5, w(b.high))}
              height={b.low !== 0 && Math.sign(b.low) === Math.sign(b.high) ? 5 : 10}
              fill={SERIES_COLORS[2]}
            />
            <Line x1={mid} x2={mid} y1={0} y2={10} stroke="#111827" strokeWidth={0.6} />
          </Svg>
          <Text
            style={{ width: valueWidth, fontSize: 7, paddingLeft: 4, color: GRAY }}
          >{`${b.highValue}: ${formatUsdCompact(b.high)}`}</Text>
        </View>
      ))}
      <Legend labels={["Input at its low value", "Input at its high value"]} colors={[SERIES_COLORS[0], SERIES_COLORS[2]]} />
      <Text style={[s.small, s.muted]}>
        Bars left of the line make self-hosting relatively cheaper; today self-host − API is {chart.base} a month.
      </Text>
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

      {sc.constraints.length ? (
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
