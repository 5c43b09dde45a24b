// The memo's charts as vector drawings: cost against volume (laid out by lib/results, like the
// screen's), the cost breakdown and the tornado.
import { Circle, Line, Polyline, Rect, Svg, Text, View } from "@react-pdf/renderer";
import { formatUsdCompact } from "../format/numbers";
import { curveLayout, SERIES_COLORS, type CurveChart } from "../results/chart-data";
import { qualityLayout, type QualityChart } from "../results/quality-chart";
import type { BarsChart, HybridChart, TornadoChart } from "./content";
import { CONTENT, GRAY, s } from "./pdf-style";

export function Legend({ labels, colors = SERIES_COLORS }: { labels: string[]; colors?: string[] }) {
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

type Tick = { value: number; at: number; text?: string };
type Plot = { plot: { x: number; y: number; height: number }; yTicks: Tick[]; xTicks: Tick[] };

/** A chart's dollar gridlines and labels on the left, its x labels and title below, x gridlines when asked. */
function Axes({ g, width, height, title, xGrid }: { g: Plot; width: number; height: number; title: string; xGrid: boolean }) {
  const bottom = g.plot.y + g.plot.height;
  return (
    <>
      {g.yTicks.map((t) => (
        <Line key={`y${t.value}`} x1={g.plot.x} x2={width - 10} y1={t.at} y2={t.at} stroke="#e5e7eb" strokeWidth={0.5} />
      ))}
      {g.yTicks.map((t) => (
        <Text key={`yl${t.value}`} x={g.plot.x - 4} y={t.at + 2.5} style={{ fontSize: 6.5, fill: GRAY }} textAnchor="end">
          {formatUsdCompact(t.value)}
        </Text>
      ))}
      {xGrid
        ? g.xTicks.map((t) => <Line key={`x${t.value}`} x1={t.at} x2={t.at} y1={g.plot.y} y2={bottom} stroke="#f3f4f6" strokeWidth={0.5} />)
        : null}
      {g.xTicks.map((t) => (
        <Text key={`xl${t.value}`} x={t.at} y={bottom + 10} style={{ fontSize: 6.5, fill: GRAY }} textAnchor="middle">
          {t.text}
        </Text>
      ))}
      <Text x={width - 10} y={height - 2} style={{ fontSize: 6.5, fill: GRAY }} textAnchor="end">
        {title}
      </Text>
    </>
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
      <Axes g={g} width={W} height={H} title="requests per month (log scale)" xGrid />
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
export function BreakdownBars({ chart }: { chart: BarsChart }) {
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
export function TornadoBars({ chart }: { chart: TornadoChart }) {
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

/** Monthly cost against the share of tasks passed, one labelled point per option with a figure. */
export function QualitySvg({ chart }: { chart: QualityChart }) {
  const W = CONTENT;
  const H = 170;
  const g = qualityLayout(chart, { width: W, height: H, left: 52, right: 10, top: 10, bottom: 24 });
  return (
    <Svg width={W} height={H}>
      <Axes g={g} width={W} height={H} title="share of tasks passed" xGrid={false} />
      {g.points.map((p) => (
        <Circle key={p.label} cx={p.cx} cy={p.cy} r={3.5} fill={p.color} />
      ))}
      {g.points.map((p) => (
        <Text key={`t${p.label}`} x={p.cx + (p.anchor === "end" ? -6 : 6)} y={p.cy + 2.5} style={{ fontSize: 6.5 }} textAnchor={p.anchor}>
          {p.label}
        </Text>
      ))}
      <Rect x={g.plot.x} y={g.plot.y} width={g.plot.width} height={g.plot.height} stroke="#d1d5db" strokeWidth={0.5} fill="none" />
    </Svg>
  );
}

/** A hybrid option's monthly cost against serving replicas, the chosen count in blue. */
export function HybridBars({ chart }: { chart: HybridChart }) {
  const W = CONTENT;
  const H = 110;
  const left = 52;
  const bottom = 16;
  const max = Math.max(...chart.costs, 1);
  const step = (W - left - 10) / chart.costs.length;
  const ticks =
    chart.costs.length <= 12 ? chart.replicas.map((_, i) => i) : [0, Math.floor(chart.costs.length / 2), chart.costs.length - 1];
  return (
    <Svg width={W} height={H}>
      <Text x={left - 4} y={8} style={{ fontSize: 6.5, fill: GRAY }} textAnchor="end">
        {formatUsdCompact(max)}
      </Text>
      {chart.costs.map((c, i) => {
        const h = (c / max) * (H - bottom - 4);
        return (
          <Rect
            key={i}
            x={left + i * step + step * 0.1}
            y={H - bottom - h}
            width={step * 0.8}
            height={h}
            fill={chart.replicas[i] === chart.chosen ? "#2563eb" : "#d1d5db"}
          />
        );
      })}
      {ticks.map((i) => (
        <Text key={i} x={left + (i + 0.5) * step} y={H - 5} style={{ fontSize: 6.5, fill: GRAY }} textAnchor="middle">
          {String(chart.replicas[i])}
        </Text>
      ))}
    </Svg>
  );
}
