import type { Evaluation } from "@/lib/engine";
import type { PriceChange } from "@/lib/catalog/reprice";
import { formatPrice, formatUsd } from "@/lib/format/numbers";
import { describeBreakeven } from "@/lib/results/text";
import { SaveRepricedButton } from "./save-repriced-button";
import { Cell, DataTable } from "@/app/components/data-table";

const FIELD_LABELS: Record<string, string> = {
  inputPerM: "input per 1M",
  cachedInputPerM: "cached input per 1M",
  cacheWritePerM: "cache write per 1M",
  outputPerM: "output per 1M",
  batchDiscount: "batch discount",
  "longContext.inputPerM": "long-context input per 1M",
  "longContext.outputPerM": "long-context output per 1M",
  "offPeak.inputPerM": "off-peak input per 1M",
  "offPeak.outputPerM": "off-peak output per 1M",
  "gpu.pricePerGpuHour": "per GPU-hour",
  "gpu.minGpus": "GPUs per rental",
};

const showValue = (field: string, v: number | null) =>
  v === null ? "none" : field === "batchDiscount" ? `${Math.round(v * 100)}%` : field === "gpu.minGpus" ? String(v) : formatPrice(v);

/** The saved revision's evaluation beside the same scenario at the newest catalog's prices. */
export function ThenVsNow(props: {
  scenarioId: string;
  canEdit: boolean;
  thenLabel: string;
  nowLabel: string;
  then: Evaluation;
  now: Evaluation;
  changes: PriceChange[];
  unmatched: string[];
}) {
  const { then, now } = props;
  const flipped =
    then.recommendation.outcome !== now.recommendation.outcome || then.recommendation.optionId !== now.recommendation.optionId;
  return (
    <section
      id="then-vs-now"
      className={`rounded-lg border p-4 ${flipped ? "border-red-200 bg-red-50/40" : "border-amber-200 bg-amber-50/40"}`}
      data-testid="then-vs-now"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">Prices changed since this revision was saved</h2>
          <p className="text-sm text-gray-700">
            Saved with catalog <strong>{props.thenLabel}</strong>; the newest is <strong>{props.nowLabel}</strong>. The results on this page
            stay at the saved prices until you save a re-priced revision.
          </p>
        </div>
        {props.canEdit ? <SaveRepricedButton scenarioId={props.scenarioId} catalogLabel={props.nowLabel} /> : null}
      </div>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <Verdict title="Then" label={props.thenLabel} evaluation={then} />
        <Verdict title="Now" label={props.nowLabel} evaluation={now} />
      </div>
      <CostsThenAndNow then={then} now={now} />
      <ChangedPrices changes={props.changes} unmatched={props.unmatched} />
    </section>
  );
}

function Verdict({ title, label, evaluation: e }: { title: string; label: string; evaluation: Evaluation }) {
  const b = e.breakeven.find((x) => x.selfHostId === e.comparison?.selfHostId) ?? e.breakeven[0];
  return (
    <div className="rounded-md border border-gray-200 bg-white p-3 text-sm" data-testid={`reprice-${title.toLowerCase()}`}>
      <p className="text-xs uppercase tracking-wide text-gray-500">
        {title} · catalog {label}
      </p>
      <p className="mt-1 font-medium">{e.recommendation.headline}</p>
      <p className="mt-1 text-gray-700">Fully loaded breakeven: {b ? describeBreakeven(b.fullyLoaded) : "—"}</p>
    </div>
  );
}

/** Each option's monthly cost at the saved prices and at the newest catalog's. */
function CostsThenAndNow({ then, now }: { then: Evaluation; now: Evaluation }) {
  return (
    <DataTable
      label="Prices then and now"
      className="mt-3 rounded-md border border-gray-200 bg-white"
      dense
      columns={[
        { header: "Option" },
        { header: "Then / month", align: "right" },
        { header: "Now / month", align: "right" },
        { header: "Change", align: "right" },
      ]}
    >
      {then.options.map((o) => {
        const n = now.options.find((x) => x.id === o.id);
        const a = o.feasible ? o.monthlyCost : null;
        const b = n && n.feasible ? n.monthlyCost : null;
        return (
          <tr key={o.id}>
            <Cell dense>{o.label}</Cell>
            <Cell dense num>
              {a === null ? "does not fit" : formatUsd(a)}
            </Cell>
            <Cell dense num>
              {b === null ? "does not fit" : formatUsd(b)}
            </Cell>
            <Cell dense num>
              {a !== null && b !== null ? (Math.abs(b - a) < 0.5 ? "no change" : `${b > a ? "+" : "−"}${formatUsd(Math.abs(b - a))}`) : "—"}
            </Cell>
          </tr>
        );
      })}
    </DataTable>
  );
}

function ChangedPrices({ changes, unmatched }: { changes: PriceChange[]; unmatched: string[] }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-blue-700">
        {changes.length} price{changes.length > 1 ? "s" : ""} changed
      </summary>
      <ul className="mt-1 list-disc pl-5 text-xs text-gray-700">
        {changes.map((c) => (
          <li key={`${c.optionId}-${c.field}`}>
            {c.option}: {FIELD_LABELS[c.field] ?? c.field} {showValue(c.field, c.before)} → {showValue(c.field, c.after)}
          </li>
        ))}
      </ul>
      {unmatched.length ? <p className="mt-1 text-xs text-gray-600">Not in the catalog, prices kept: {unmatched.join(", ")}.</p> : null}
    </details>
  );
}
