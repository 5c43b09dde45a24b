import type { Evaluation } from "@/lib/engine";
import { formatShare, formatUsd } from "@/lib/format/numbers";
import { plural, THROUGHPUT_PATH_LABEL } from "@/lib/format/text";
import { ScrollX } from "@/app/components/scroll-x";

function Sizing({ s }: { s: Extract<Evaluation["options"][number], { kind: "self-host"; feasible: true }>["sizing"] }) {
  return (
    <div className="mt-1 text-xs text-gray-600">
      Tensor parallel {s.tensorParallel} · {plural(s.replicas, "replica")} on {plural(s.gpus, "GPU")} ·{" "}
      {Math.round(s.outputTokensPerSPerReplica).toLocaleString("en-US")} output tokens/s per replica (
      {THROUGHPUT_PATH_LABEL[s.throughputPath]}) · batch {s.batch} · {Math.round(s.achievedUtilisation * 100)}% utilised at peak · sized by{" "}
      {s.boundBy.replace("-", " ")} · time to first token at peak p50 {Math.round(s.ttftP50Ms).toLocaleString("en-US")} ms, p95{" "}
      {Math.round(s.ttftP95Ms).toLocaleString("en-US")} ms
      {s.benchmark ? <span className="block">Throughput: {s.benchmark}</span> : null}
      {s.rejectedBenchmarks.length ? (
        <details className="mt-0.5">
          <summary className="cursor-pointer text-blue-700">
            {s.rejectedBenchmarks.length} measured {s.rejectedBenchmarks.length === 1 ? "row" : "rows"} not used, and why
          </summary>
          {s.rejectedBenchmarks.map((r) => (
            <span key={r} className="block">
              {r}
            </span>
          ))}
        </details>
      ) : null}
      {s.notes.map((n) => (
        <span key={n} className="block">
          {n}
        </span>
      ))}
    </div>
  );
}

export function OptionsTable({ evaluation }: { evaluation: Evaluation }) {
  const pick = evaluation.recommendation.optionId;
  return (
    <section className="overflow-hidden rounded-lg border border-gray-200 bg-white">
      <h2 className="border-b border-gray-200 px-4 py-3 text-sm font-semibold">Options</h2>
      <ScrollX label="Options table">
        <table className="min-w-full text-sm" data-testid="options-table">
          <thead className="bg-gray-50 text-left text-xs uppercase tracking-wide text-gray-500">
            <tr>
              <th className="px-4 py-2 font-medium">Option</th>
              <th className="px-4 py-2 text-right font-medium">Per month</th>
              <th className="hidden px-4 py-2 text-right font-medium sm:table-cell">Per year</th>
              <th className="px-4 py-2 text-right font-medium">Per 1M tokens</th>
              <th className="hidden px-4 py-2 text-right font-medium sm:table-cell">Per 1k requests</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {evaluation.options.map((o) => (
              <tr key={o.id} data-option={o.id} className={o.id === pick ? "bg-blue-50/40" : undefined}>
                <td className="min-w-[12rem] px-4 py-3 align-top">
                  <span className="font-medium">{o.label}</span>
                  <span className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600">
                    {o.kind === "api" ? "API" : "self-host"}
                  </span>
                  {o.id === pick ? <span className="ml-2 rounded bg-blue-600 px-1.5 py-0.5 text-xs text-white">recommended</span> : null}
                  {o.feasible && o.quality !== null ? (
                    <span className="block text-xs text-gray-600" data-testid={`quality-${o.id}`}>
                      Quality {formatShare(o.quality)} · {formatUsd(o.perThousandSuccessful, 2)} per 1k successful tasks
                    </span>
                  ) : null}
                  {o.feasible ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-blue-700">Cost lines</summary>
                      <table className="mt-1 w-full text-xs text-gray-700">
                        <tbody>
                          {o.lines.map((l) => (
                            <tr key={l.label}>
                              <td className="py-0.5 pr-3">
                                {l.label}
                                <span className="block text-gray-500">
                                  {l.quantity.toLocaleString("en-US", { maximumFractionDigits: 2 })} {l.unit} × {formatUsd(l.unitPrice, 2)}{" "}
                                  — {l.source}
                                </span>
                                {l.flag ? <span className="block text-amber-700">⚠ {l.flag}</span> : null}
                              </td>
                              <td className="py-0.5 text-right align-top tabular-nums">{formatUsd(l.monthlyCost)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  ) : (
                    <p className="mt-1 text-xs text-red-700">{o.reason}</p>
                  )}
                  {o.kind === "self-host" && o.feasible ? <Sizing s={o.sizing} /> : null}
                </td>
                <td className="px-4 py-3 text-right align-top font-medium tabular-nums" data-testid={`monthly-${o.id}`}>
                  {o.feasible ? formatUsd(o.monthlyCost) : "does not fit"}
                </td>
                <td className="hidden px-4 py-3 text-right align-top tabular-nums sm:table-cell">
                  {o.feasible ? formatUsd(o.annualCost) : "—"}
                </td>
                <td className="px-4 py-3 text-right align-top tabular-nums">{o.feasible ? formatUsd(o.perMillionTokens, 2) : "—"}</td>
                <td className="hidden px-4 py-3 text-right align-top tabular-nums sm:table-cell">
                  {o.feasible ? formatUsd(o.perThousandRequests, 2) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </section>
  );
}
