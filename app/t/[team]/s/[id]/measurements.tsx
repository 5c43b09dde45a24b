"use client";
// The throughput rows a self-host option rests on: the list, catalog rows for its model and
// GPU, a `vllm bench serve` result file, or a run typed in by hand.
import { useState } from "react";
import { benchmarkFromRow, type PickerCatalog } from "@/lib/catalog/templates";
import type { Benchmark, ScenarioInputRaw } from "@/lib/engine";
import { useReadOnly, type Errors } from "./form-fields";

type Option = NonNullable<ScenarioInputRaw["selfHostOptions"]>[number];
type BenchmarkRaw = NonNullable<Option["benchmarks"]>[number];
export const DEGREES = [1, 2, 4, 8, 16, 32, 64];

function describe(b: BenchmarkRaw): string {
  const load =
    b.concurrency != null ? `${b.concurrency} concurrent` : b.requestsPerS != null ? `${b.requestsPerS} requests/s` : "full load";
  const shape = b.inputTokens != null && b.outputTokens != null ? `${b.inputTokens} in / ${b.outputTokens} out` : "shape not stated";
  return `TP ${b.tensorParallel} · ${b.precision} · ${shape} · ${load} · ${Math.round(b.outputTokensPerS).toLocaleString("en-US")} tokens/s${b.itlP50Ms != null ? ` · ITL ${b.itlP50Ms} ms` : ""}${b.stack ? ` · ${b.stack}` : ""}`;
}

export function Measurements({
  option: o,
  index: i,
  edit,
  errors,
  catalog,
}: {
  option: Option;
  index: number;
  edit: (m: (d: Option) => void) => void;
  errors: Errors;
  catalog: PickerCatalog;
}) {
  const readOnly = useReadOnly();
  const [message, setMessage] = useState<string | null>(null);
  const precision = o.weightPrecision ?? "bf16";
  const rows = o.benchmarks ?? [];
  const add = (b: Benchmark) => edit((d) => void (d.benchmarks = [...(d.benchmarks ?? []), b]));
  const rowErrors = Object.entries(errors).filter(([k]) => k.startsWith(`selfHostOptions.${i}.benchmarks.`));
  return (
    <div className="mt-3 space-y-2 text-xs" data-testid={`measurements-${o.id}`}>
      <p className="font-medium text-gray-700">Measured throughput ({rows.length})</p>
      <ul className="space-y-1">
        {rows.map((b, k) => (
          <li key={`${k}-${b.source}`} className="flex items-start justify-between gap-2 rounded border border-gray-100 px-2 py-1">
            <span className="min-w-0">
              {describe(b)}
              <span className="block text-gray-500">{b.source}</span>
            </span>
            {readOnly ? null : (
              <button
                type="button"
                className="text-red-700 hover:underline"
                onClick={() => edit((d) => void d.benchmarks!.splice(k, 1))}
                aria-label={`Remove measurement ${k + 1}`}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {rowErrors.map(([k, v]) => (
        <p key={k} className="text-red-600" role="alert">
          {k.replace(`selfHostOptions.${i}.`, "")}: {v.join(" ")}
        </p>
      ))}
      {readOnly ? null : (
        <>
          <div className="grid gap-2 sm:grid-cols-2">
            <CatalogRows option={o} catalog={catalog} onAdd={add} />
            <VllmImport option={o} precision={precision} onAdd={add} onMessage={setMessage} />
          </div>
          <ByHand precision={precision} onAdd={add} />
        </>
      )}
      {message ? (
        <p className="text-gray-700" role="status">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** The catalog's measured rows for this option's model and GPU. */
function CatalogRows({ option: o, catalog, onAdd }: { option: Option; catalog: PickerCatalog; onAdd: (b: Benchmark) => void }) {
  const matching = catalog.benchmarks.filter((r) => r.model === o.model.name && r.gpuType === o.gpu.gpuType);
  return (
    <label className="block text-gray-700">
      Add a catalog measurement of {o.model.name} on {o.gpu.gpuType}
      <select
        className="field-input py-1.5"
        value=""
        onChange={(e) => {
          const row = matching[Number(e.target.value)];
          if (row) onAdd(benchmarkFromRow(row));
        }}
      >
        <option value="">{matching.length ? "Choose a row…" : "None in the catalog"}</option>
        {matching.map((r, k) => (
          <option key={`${r.source}-${k}`} value={k}>
            {describe(benchmarkFromRow(r))}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A `vllm bench serve` result file, with the tensor-parallel degree it was run at. */
function VllmImport({
  option: o,
  precision,
  onAdd,
  onMessage,
}: {
  option: Option;
  precision: Benchmark["precision"];
  onAdd: (b: Benchmark) => void;
  onMessage: (m: string) => void;
}) {
  const [importTp, setImportTp] = useState(o.tensorParallel ?? 1);
  return (
    <div className="text-gray-700">
      <label htmlFor={`vllm-${o.id}`}>Import a `vllm bench serve` result (JSON) run at tensor parallel</label>{" "}
      <select
        aria-label="Tensor parallel of the imported run"
        className="rounded border border-gray-300 px-1"
        value={importTp}
        onChange={(e) => setImportTp(Number(e.target.value))}
      >
        {DEGREES.slice(0, 4).map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <input
        id={`vllm-${o.id}`}
        type="file"
        accept="application/json,.json"
        className="mt-1 block w-full text-xs"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          // The parser (and zod) load only when someone imports a file.
          const { parseVllmBenchServe } = await import("@/lib/catalog/benchmark-import");
          const r = parseVllmBenchServe(await file.text(), { tensorParallel: importTp, precision, fileName: file.name });
          if ("errors" in r) onMessage(`${file.name}: ${r.errors.join("; ")}`);
          else {
            onAdd(r.benchmark);
            onMessage(`Added ${file.name} (${r.model}, measured at ${precision}).`);
          }
          e.target.value = "";
        }}
      />
    </div>
  );
}

/** A measurement typed in: degree, load, shape, rate and latency of the team's own run. */
function ByHand({ precision, onAdd }: { precision: Benchmark["precision"]; onAdd: (b: Benchmark) => void }) {
  const [v, setV] = useState({
    tensorParallel: "1",
    concurrency: "",
    outputTokensPerS: "",
    itlP50Ms: "",
    inputTokens: "",
    outputTokens: "",
    source: "Our measurement",
  });
  const num = (s: string) => (s.trim() === "" ? null : Number(s));
  const field = (key: keyof typeof v, label: string) => (
    <label key={key} className="block text-gray-700">
      {label}
      <input className="field-input py-1" inputMode="decimal" value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} />
    </label>
  );
  const ready = num(v.outputTokensPerS) !== null && num(v.concurrency) !== null;
  return (
    <details>
      <summary className="cursor-pointer text-blue-700">Type in a measurement</summary>
      <div className="mt-1 grid grid-cols-2 gap-2 lg:grid-cols-4">
        {field("tensorParallel", "Measured at tensor parallel")}
        {field("concurrency", "Concurrent requests")}
        {field("outputTokensPerS", "Output tokens/s (deployment)")}
        {field("itlP50Ms", "Median inter-token latency, ms")}
        {field("inputTokens", "Input tokens per request")}
        {field("outputTokens", "Output tokens per request")}
        {field("source", "Source")}
        <button
          type="button"
          disabled={!ready}
          className="self-end rounded bg-gray-800 px-2 py-1.5 text-white disabled:opacity-40"
          onClick={() =>
            onAdd({
              model: null,
              gpuType: null,
              stack: "",
              tensorParallel: num(v.tensorParallel) ?? 1,
              precision,
              concurrency: num(v.concurrency),
              requestsPerS: null,
              outputTokensPerS: num(v.outputTokensPerS) ?? 0,
              itlP50Ms: num(v.itlP50Ms),
              ttftMs: null,
              ttftP95Ms: null,
              inputTokens: num(v.inputTokens),
              outputTokens: num(v.outputTokens),
              source: v.source,
            })
          }
        >
          Add measurement
        </button>
      </div>
    </details>
  );
}
