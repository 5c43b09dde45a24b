// Hybrid options on screen: the sentence the memo uses, the monthly cost against the replica
// count (the chosen count marked) and the daily profile it was priced on.
import type { Evaluation } from "@/lib/engine";
import { formatUsd } from "@/lib/format/numbers";
import { describeHybrid, describeRouting } from "@/lib/results/text";

type Hybrid = Extract<Evaluation["hybrid"][number], { feasible: true }>;

const W = 320;
const H = 120;
const PAD = { left: 44, right: 6, top: 6, bottom: 20 };

/** Bars over a small SVG: value per index, one bar highlighted, a y axis with its top value. */
function Bars({
  values,
  mark,
  title,
  xLabel,
  money,
}: {
  values: number[];
  mark: number | null;
  title: string;
  xLabel: (i: number) => string;
  money: boolean;
}) {
  const max = Math.max(...values, Number.MIN_VALUE);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / values.length;
  const ticks = values.length <= 12 ? values.map((_, i) => i) : [0, Math.floor(values.length / 2), values.length - 1];
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label={title}>
      <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="fill-gray-500 text-[9px]">
        {money ? formatUsd(max) : `${Math.round(max * 100)}%`}
      </text>
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="stroke-gray-300" />
      {values.map((v, i) => {
        const h = (v / max) * plotH;
        return (
          <rect
            key={i}
            x={PAD.left + i * step + step * 0.1}
            y={H - PAD.bottom - h}
            width={step * 0.8}
            height={h}
            className={i === mark ? "fill-blue-600" : "fill-gray-300"}
            data-testid={i === mark ? "hybrid-chosen-bar" : undefined}
          >
            <title>{`${xLabel(i)}: ${money ? formatUsd(v) : `${(v * 100).toFixed(1)}%`}`}</title>
          </rect>
        );
      })}
      {ticks.map((i) => (
        <text key={i} x={PAD.left + (i + 0.5) * step} y={H - 6} textAnchor="middle" className="fill-gray-500 text-[9px]">
          {xLabel(i)}
        </text>
      ))}
    </svg>
  );
}

function HybridCharts({ h }: { h: Hybrid }) {
  return (
    <div className="mt-2 grid gap-3 sm:grid-cols-2">
      <figure>
        <figcaption className="text-xs text-gray-600">Monthly cost against serving replicas (chosen: {h.replicas})</figcaption>
        <Bars
          values={h.curve.monthlyCost}
          mark={h.curve.replicas.indexOf(h.replicas)}
          title={`Monthly cost against replicas for ${h.label}`}
          xLabel={(i) => String(h.curve.replicas[i])}
          money
        />
      </figure>
      <figure>
        <figcaption className="text-xs text-gray-600">Share of a day&apos;s requests by hour (from midnight)</figcaption>
        <Bars values={h.profile} mark={null} title={`Daily profile for ${h.label}`} xLabel={(i) => `${i}h`} money={false} />
      </figure>
    </div>
  );
}

export function HybridPanel({ evaluation: e }: { evaluation: Evaluation }) {
  if (!e.hybrid.length && !e.routing.length) return null;
  const label = (id: string) => e.options.find((o) => o.id === id)?.label ?? id;
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="hybrid">
      <h2 className="mb-2 text-sm font-semibold">Hybrid and routing: self-hosting part of the load</h2>
      <ul className="space-y-4 text-sm">
        {e.hybrid.map((h) => (
          <li key={h.id} data-testid={`hybrid-${h.id}`}>
            <p>
              {describeHybrid(h, label)}
              {e.recommendation.optionId === h.id ? (
                <span className="ml-2 rounded bg-blue-600 px-1.5 py-0.5 text-xs text-white">recommended</span>
              ) : null}
            </p>
            {h.feasible ? <HybridCharts h={h} /> : null}
            {h.feasible && h.curveCut ? <p className="text-xs text-amber-800">The curve stops at 2,000 replicas.</p> : null}
          </li>
        ))}
        {e.routing.map((r) => (
          <li key={r.id} data-testid={`routing-${r.id}`}>
            {describeRouting(r, label)}
            {e.recommendation.optionId === r.id ? (
              <span className="ml-2 rounded bg-blue-600 px-1.5 py-0.5 text-xs text-white">recommended</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
