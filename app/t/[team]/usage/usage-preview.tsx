"use client";

// What an import implies, shown before anything is saved: the period, the rows that could not be
// read, the workload figures, the split by model, the load profiles and daily volume.
import { formatShare, groupDigits } from "@/lib/format/numbers";
import type { DerivedUsage, Percentiles } from "@/lib/usage/derive";
import { FORMAT_NAMES, type UsageFormat } from "@/lib/usage/formats";
import { UsageCharts } from "./usage-charts";
import type { UsageImportView } from "./usage-types";

const bytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
const spread = (p: Percentiles | null) => (p ? ` (p50 ${groupDigits(p.p50)}, p90 ${groupDigits(p.p90)}, p99 ${groupDigits(p.p99)})` : "");

function workloadRows(d: DerivedUsage): [string, string][] {
  const rows: [string, string][] = [
    [
      "Requests per month",
      d.requestsPerMonth == null
        ? "— (not in this export)"
        : `${groupDigits(d.requestsPerMonth)} (rate of the last ${d.volumeWindowDays} days)`,
    ],
    ["Input tokens per request", d.meanInputTokens == null ? "—" : `${groupDigits(d.meanInputTokens)} mean${spread(d.inputTokens)}`],
    ["Output tokens per request", d.meanOutputTokens == null ? "—" : `${groupDigits(d.meanOutputTokens)} mean${spread(d.outputTokens)}`],
    ["Cache-read share of input", formatShare(d.cacheReadShare)],
    ["Cache-write share of input", formatShare(d.cacheWriteShare)],
    ["Peak-to-average (busiest hour)", d.profile ? `${d.profile.peakToAverage}×` : "— (no hourly data)"],
    ["Active hours per day", d.profile ? String(d.profile.activeHoursPerDay) : "—"],
    ["Monthly growth", d.monthlyGrowth == null ? "— (needs 8 weeks)" : formatShare(d.monthlyGrowth)],
    ["Busiest day over the mean day", d.busiestDayOverMean == null ? "—" : `${d.busiestDayOverMean}×`],
  ];
  if (d.latencyMs)
    rows.push([
      "Latency per request (ms)",
      `p50 ${groupDigits(d.latencyMs.p50)}, p90 ${groupDigits(d.latencyMs.p90)}, p99 ${groupDigits(d.latencyMs.p99)}`,
    ]);
  return rows;
}

export function UsagePreview(props: {
  imported: UsageImportView;
  derived: DerivedUsage;
  models: string[];
  onModels: (m: string[]) => void;
  requestsPerMonth: number | null;
  onRequestsPerMonth: (n: number | null) => void;
}) {
  const { imported: i, derived: d } = props;
  return (
    <section className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="usage-preview">
      <div>
        <h2 className="font-semibold">{i.fileName}</h2>
        <p className="text-gray-600">
          {FORMAT_NAMES[i.format as UsageFormat] ?? i.format} · {bytes(i.fileBytes)} · {groupDigits(i.rowCount)} rows read ·{" "}
          {d.period.start.slice(0, 10)} to {d.period.end.slice(0, 10)} ({d.period.days} days, {d.period.timeZone}) · SHA-256{" "}
          <code className="text-xs">{i.sha256.slice(0, 12)}…</code>
        </p>
      </div>
      {i.badRowCount > 0 ? <BadRows imported={i} /> : null}
      {d.totals.requests == null ? (
        <label className="block max-w-md">
          <span className="field-label">Requests per month (this export has no request counts)</span>
          <input
            className="field-input"
            inputMode="numeric"
            aria-label="Requests per month"
            value={props.requestsPerMonth ?? ""}
            onChange={(e) => props.onRequestsPerMonth(e.target.value ? Number(e.target.value.replace(/[ ,_]/g, "")) || null : null)}
          />
        </label>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2" data-testid="usage-workload">
        {workloadRows(d).map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3 border-b border-gray-100 py-1">
            <dt className="text-gray-600">{k}</dt>
            <dd className="text-right font-medium tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <ModelTable derived={d} models={props.models} onModels={props.onModels} />
      <UsageCharts derived={d} />
      {d.notes.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-xs text-gray-700" data-testid="usage-notes">
          {d.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function BadRows({ imported: i }: { imported: UsageImportView }) {
  return (
    <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900" data-testid="usage-bad-rows">
      <p>
        <strong>{groupDigits(i.badRowCount)}</strong> row(s) could not be read and are left out of everything below
        {i.badRowCount > i.badRows.length ? ` (the first ${i.badRows.length} are listed)` : ""}:
      </p>
      <ul className="mt-1 max-h-40 list-disc overflow-auto pl-5 text-xs">
        {i.badRows.map((b, k) => (
          <li key={k}>
            line {b.line}, {b.field}: {b.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ModelTable({ derived: d, models, onModels }: { derived: DerivedUsage; models: string[]; onModels: (m: string[]) => void }) {
  const all = models.length === 0;
  const toggle = (m: string) => {
    const on = all ? d.models.map((x) => x.model) : models;
    const next = on.includes(m) ? on.filter((x) => x !== m) : [...on, m];
    onModels(next.length === d.models.length ? [] : next);
  };
  return (
    <div>
      <h3 className="font-semibold">By model</h3>
      <p className="text-xs text-gray-500">Untick the models this decision is not about; the figures above follow.</p>
      <table className="mt-1 w-full text-left text-xs" data-testid="usage-models">
        <thead className="text-gray-500">
          <tr>
            <th className="py-1">Model</th>
            <th className="text-right">Requests</th>
            <th className="text-right">Input tokens</th>
            <th className="text-right">Output tokens</th>
            <th className="text-right">Share</th>
          </tr>
        </thead>
        <tbody>
          {d.models.map((m) => (
            <tr key={m.model} className="border-t border-gray-100">
              <td className="py-1">
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={all || models.includes(m.model)} onChange={() => toggle(m.model)} />
                  <span className="break-all">{m.model}</span>
                </label>
              </td>
              <td className="text-right tabular-nums">{m.requests == null ? "—" : groupDigits(m.requests)}</td>
              <td className="text-right tabular-nums">{groupDigits(m.inputTokens)}</td>
              <td className="text-right tabular-nums">{groupDigits(m.outputTokens)}</td>
              <td className="text-right tabular-nums">{formatShare(m.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
