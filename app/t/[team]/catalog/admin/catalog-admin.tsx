"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";

export type DraftRows = {
  api: {
    id: string;
    provider: string;
    model: string;
    region: string;
    tier: string;
    inputPerM: number;
    cachedInputPerM: number | null;
    outputPerM: number;
    checkedAt: string;
  }[];
  gpu: {
    id: string;
    provider: string;
    gpuType: string;
    provisioning: string;
    pricePerGpuHour: number;
    minGpus: number;
    checkedAt: string;
  }[];
};
type Draft = {
  id: string;
  label: string;
  effectiveDate: string;
  counts: { apiPrices: number; gpuOffers: number; openModels: number; benchmarks: number };
};
type Run = {
  id: string;
  status: string;
  total: number;
  processed: number;
  changed: number;
  error: string | null;
  finishedAt: string | null;
};
type Published = { id: string; label: string; effectiveDate: string; run: Run | null };
type Preview = {
  kind: "api" | "gpu";
  counts: { added: number; changed: number; removed: number; unchanged: number; skipped: number };
  added: Record<string, unknown>[];
  changed: { key: string; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> }[];
  removed: Record<string, unknown>[];
  skipped: { row: string; reason: string }[];
};

const today = () => new Date().toISOString().slice(0, 10);

function Errors({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error as Error;
  const fields = e instanceof ApiError ? Object.entries(e.fieldErrors) : [];
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      <p>{e.message}</p>
      {fields.length ? (
        <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5 text-xs">
          {fields.map(([k, v]) => (
            <li key={k}>
              <strong>{k}</strong>: {v.join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Sends JSON with XMLHttpRequest so a large upload reports its progress. */
function postWithProgress<T>(url: string, body: unknown, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const data = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return {};
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(new ApiError(xhr.status, data.message ?? `Request failed (${xhr.status})`, data.fieldErrors ?? {}));
    };
    xhr.onerror = () => reject(new ApiError(0, "The upload failed: check your connection."));
    xhr.send(JSON.stringify(body));
  });
}

function readFile(file: File, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error("The file could not be read."));
    reader.readAsText(file);
  });
}

function Progress({ label, share }: { label: string; share: number }) {
  return (
    <div className="text-xs text-gray-700" data-testid="import-progress">
      {label} {Math.round(share * 100)}%
      <div className="mt-1 h-1.5 w-full rounded bg-gray-200">
        <div className="h-1.5 rounded bg-blue-600" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}

function RunStatus({ run: initial }: { run: Run }) {
  const { data } = useQuery({
    queryKey: ["repricing-run", initial.id],
    queryFn: () => api<Run>(`/api/v1/catalog/runs/${initial.id}`),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "running" ? 1000 : false),
  });
  const run = data ?? initial;
  return (
    <span className="text-xs text-gray-600" data-testid="repricing-run">
      re-pricing{" "}
      {run.status === "running"
        ? `in progress: ${run.processed} of ${run.total} scenarios`
        : run.status === "done"
          ? `done: ${run.total} scenarios, ${run.changed} with changed prices`
          : `failed: ${run.error}`}
    </span>
  );
}

function ImportPanel({ draft }: { draft: Draft }) {
  const router = useRouter();
  const [format, setFormat] = useState("litellm");
  const [mode, setMode] = useState("merge");
  const [sourceUrl, setSourceUrl] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ label: string; share: number } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const body = async () => {
    if (!file) throw new ApiError(422, "Choose a file first.", { file: ["is required"] });
    const text = await readFile(file, (s) => setProgress({ label: "Reading", share: s }));
    return { format, mode, text, ...(sourceUrl ? { sourceUrl } : {}) };
  };
  const run = useMutation({
    mutationFn: async (apply: boolean) => {
      setApplied(null);
      const b = await body();
      const url = `/api/v1/catalog/versions/${draft.id}/import${apply ? "" : "/preview"}`;
      const result = await postWithProgress<Preview | Preview["counts"]>(url, b, (s) =>
        setProgress({ label: s < 1 ? "Uploading" : "Checking rows…", share: s }),
      );
      return { apply, result };
    },
    onSuccess: ({ apply, result }) => {
      setProgress(null);
      if (apply) {
        const c = result as Preview["counts"];
        setApplied(
          `Imported: ${c.added} added, ${c.changed} changed, ${c.removed} removed, ${c.unchanged} unchanged, ${c.skipped} skipped.`,
        );
        setPreview(null);
        router.refresh();
      } else setPreview(result as Preview);
    },
    onError: () => setProgress(null),
  });
  const show = (r: Record<string, unknown>) =>
    preview?.kind === "gpu"
      ? `${r.gpuType} · ${r.provider} (${r.provisioning}): $${r.pricePerGpuHour}/h`
      : `${r.provider} · ${r.model}: in $${r.inputPerM} / out $${r.outputPerM} per 1M`;
  return (
    <section className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" data-testid="import-panel">
      <h3 className="text-sm font-semibold">Import prices into “{draft.label}”</h3>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label>
          <span className="field-label">Format</span>
          <select
            className="field-input py-1.5"
            value={format}
            onChange={(e) => (setFormat(e.target.value), setPreview(null))}
            aria-label="Format"
          >
            <option value="litellm">LiteLLM model_prices_and_context_window.json</option>
            <option value="llm-prices">simonw/llm-prices JSON</option>
            <option value="gpu-csv">GPU offers CSV</option>
          </select>
        </label>
        <label>
          <span className="field-label">Rows the file leaves out</span>
          <select
            className="field-input py-1.5"
            value={mode}
            onChange={(e) => (setMode(e.target.value), setPreview(null))}
            aria-label="Rows the file leaves out"
          >
            <option value="merge">keep them</option>
            <option value="replace">retire them (same providers)</option>
          </select>
        </label>
        <label>
          <span className="field-label">File</span>
          <input
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setPreview(null))}
            aria-label="Price file"
            className="text-sm"
          />
        </label>
        <label className="min-w-[16rem] flex-1">
          <span className="field-label">Source link (optional)</span>
          <input className="field-input py-1.5" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} placeholder="https://…" />
        </label>
      </div>
      <div className="flex gap-2">
        <button className="btn-secondary" disabled={!file || run.isPending} onClick={() => run.mutate(false)}>
          Preview changes
        </button>
        <button className="btn-primary" disabled={!preview || run.isPending} onClick={() => run.mutate(true)}>
          Apply import
        </button>
      </div>
      {progress ? <Progress {...progress} /> : null}
      <Errors error={run.error} />
      {applied ? (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" role="status">
          {applied}
        </p>
      ) : null}
      {preview ? (
        <div className="space-y-2 text-sm" data-testid="import-preview">
          <p>
            <strong>{preview.counts.added}</strong> added · <strong>{preview.counts.changed}</strong> changed ·{" "}
            <strong>{preview.counts.removed}</strong> removed · {preview.counts.unchanged} unchanged · {preview.counts.skipped} skipped
          </p>
          {preview.changed.length ? (
            <details open>
              <summary className="cursor-pointer text-xs font-medium">Changed</summary>
              <ul className="mt-1 max-h-56 space-y-0.5 overflow-auto text-xs">
                {preview.changed.map((c) => (
                  <li key={c.key}>
                    {c.key.replace(/\|/g, " · ")}:{" "}
                    {c.fields.map((f) => `${f} ${String(c.before[f] ?? "—")} → ${String(c.after[f] ?? "—")}`).join(", ")}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {(["added", "removed"] as const).map((k) =>
            preview[k].length ? (
              <details key={k}>
                <summary className="cursor-pointer text-xs font-medium">{k === "added" ? "Added" : "Removed"}</summary>
                <ul className="mt-1 max-h-56 space-y-0.5 overflow-auto text-xs">
                  {preview[k].map((r, i) => (
                    <li key={i}>{show(r)}</li>
                  ))}
                </ul>
              </details>
            ) : null,
          )}
          {preview.skipped.length ? (
            <details>
              <summary className="cursor-pointer text-xs font-medium">Skipped</summary>
              <ul className="mt-1 max-h-40 overflow-auto text-xs">
                {preview.skipped.map((s) => (
                  <li key={s.row}>
                    {s.row}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function PriceInput({ value, onSave, label }: { value: number | null; onSave: (v: number | null) => Promise<unknown>; label: string }) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [state, setState] = useState<"idle" | "saving" | "saved" | "error">("idle");
  const [error, setError] = useState<string | null>(null);
  const dirty = text !== (value === null ? "" : String(value));
  return (
    <span className="inline-flex flex-col items-end">
      <input
        aria-label={label}
        className={`w-24 rounded border px-1.5 py-0.5 text-right text-sm tabular-nums ${state === "error" ? "border-red-500" : dirty ? "border-amber-500" : "border-gray-300"}`}
        value={text}
        onChange={(e) => (setText(e.target.value), setState("idle"))}
        onBlur={async () => {
          if (!dirty) return;
          setState("saving");
          try {
            await onSave(text.trim() === "" ? null : Number(text));
            setState("saved");
            setError(null);
          } catch (e) {
            setState("error");
            setError(e instanceof ApiError ? (Object.values(e.fieldErrors)[0]?.[0] ?? e.message) : (e as Error).message);
          }
        }}
      />
      {error ? (
        <span className="text-xs text-red-700">{error}</span>
      ) : state === "saved" ? (
        <span className="text-xs text-emerald-700">saved</span>
      ) : null}
    </span>
  );
}

const GPU_TYPES = {
  "H100 SXM": [80, 3350, 989, 1979],
  "H200 SXM": [141, 4800, 989, 1979],
  "A100 80GB": [80, 2039, 312, null],
  L40S: [48, 864, 362, 733],
  B200: [180, 8000, 2250, 4500],
} as const;

/** Adds one API price or GPU offer to a draft; the server checks every field. */
function AddRow({ draftId }: { draftId: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<"api" | "gpu">("api");
  const add = useMutation({
    mutationFn: (form: FormData) => {
      const text = (k: string) => String(form.get(k) ?? "").trim();
      const num = (k: string) => (text(k) === "" ? null : Number(text(k)));
      if (kind === "api") {
        return api(`/api/v1/catalog/versions/${draftId}/api-prices`, {
          method: "POST",
          body: {
            provider: text("provider"),
            model: text("model"),
            inputPerM: num("inputPerM"),
            cachedInputPerM: num("cachedInputPerM"),
            outputPerM: num("outputPerM"),
            sourceUrl: text("sourceUrl"),
            checkedAt: today(),
          },
        });
      }
      const spec = GPU_TYPES[text("gpuType") as keyof typeof GPU_TYPES];
      return api(`/api/v1/catalog/versions/${draftId}/gpu-offers`, {
        method: "POST",
        body: {
          provider: text("provider"),
          gpuType: text("gpuType"),
          memoryGb: spec[0],
          bandwidthGbS: spec[1],
          bf16Tflops: spec[2],
          fp8Tflops: spec[3],
          pricePerGpuHour: num("pricePerGpuHour"),
          minGpus: num("minGpus") ?? 1,
          sourceUrl: text("sourceUrl"),
          checkedAt: today(),
        },
      });
    },
    onSuccess: () => router.refresh(),
  });
  const fe = add.error instanceof ApiError ? add.error.fieldErrors : {};
  const err = (k: string) => (fe[k] ? <span className="block text-xs text-red-700">{fe[k].join("; ")}</span> : null);
  return (
    <form
      className="flex flex-wrap items-end gap-2 border-t border-gray-100 pt-3 text-sm"
      data-testid="add-row"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(new FormData(e.currentTarget));
      }}
    >
      <label>
        <span className="field-label">Add</span>
        <select
          className="field-input py-1.5"
          value={kind}
          onChange={(e) => setKind(e.target.value as "api" | "gpu")}
          aria-label="Row kind"
        >
          <option value="api">API price</option>
          <option value="gpu">GPU offer</option>
        </select>
      </label>
      <label>
        <span className="field-label">Provider</span>
        <input name="provider" className="field-input w-36 py-1.5" aria-label="New row provider" />
        {err("provider")}
      </label>
      {kind === "api" ? (
        <>
          <label>
            <span className="field-label">Model</span>
            <input name="model" className="field-input w-40 py-1.5" aria-label="New row model" />
            {err("model")}
          </label>
          {(["inputPerM", "cachedInputPerM", "outputPerM"] as const).map((k) => (
            <label key={k}>
              <span className="field-label">{k === "inputPerM" ? "Input $/1M" : k === "outputPerM" ? "Output $/1M" : "Cached $/1M"}</span>
              <input name={k} inputMode="decimal" className="field-input w-24 py-1.5" aria-label={`New row ${k}`} />
              {err(k)}
            </label>
          ))}
        </>
      ) : (
        <>
          <label>
            <span className="field-label">GPU</span>
            <select name="gpuType" className="field-input py-1.5" aria-label="New row GPU">
              {Object.keys(GPU_TYPES).map((g) => (
                <option key={g}>{g}</option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">$/GPU-hour</span>
            <input name="pricePerGpuHour" inputMode="decimal" className="field-input w-24 py-1.5" aria-label="New row price per GPU-hour" />
            {err("pricePerGpuHour")}
          </label>
          <label>
            <span className="field-label">Rented in</span>
            <input
              name="minGpus"
              inputMode="numeric"
              className="field-input w-20 py-1.5"
              placeholder="1"
              aria-label="New row GPUs per rental"
            />
            {err("minGpus")}
          </label>
        </>
      )}
      <label className="min-w-[12rem] flex-1">
        <span className="field-label">Source link</span>
        <input name="sourceUrl" className="field-input py-1.5" placeholder="https://…" aria-label="New row source link" />
        {err("sourceUrl")}
      </label>
      <button className="btn-secondary" disabled={add.isPending}>
        Add row
      </button>
      {add.error && !Object.keys(fe).length ? <span className="w-full text-sm text-red-700">{add.error.message}</span> : null}
    </form>
  );
}

function DraftTables({ rows, draftId }: { rows: DraftRows; draftId: string }) {
  const router = useRouter();
  const [filter, setFilter] = useState("");
  const patch = (kind: "api-prices" | "gpu-offers", id: string, body: Record<string, unknown>) =>
    api(`/api/v1/catalog/${kind}/${id}`, { method: "PATCH", body: { ...body, checkedAt: today() } });
  const retire = useMutation({
    mutationFn: (v: { kind: "api-prices" | "gpu-offers"; id: string }) => api(`/api/v1/catalog/${v.kind}/${v.id}`, { method: "DELETE" }),
    onSuccess: () => router.refresh(),
  });
  const f = filter.toLowerCase();
  const api_ = rows.api.filter((r) => `${r.provider} ${r.model}`.toLowerCase().includes(f));
  const gpu = rows.gpu.filter((r) => `${r.provider} ${r.gpuType}`.toLowerCase().includes(f));
  return (
    <section className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" data-testid="draft-rows">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h3 className="text-sm font-semibold">Edit prices (saved when you leave a field; the checked date becomes today)</h3>
        <input
          className="field-input w-64 py-1"
          placeholder="Filter rows"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Filter rows"
        />
      </div>
      <Errors error={retire.error} />
      <AddRow draftId={draftId} />
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-gray-500">
            <tr>
              <th className="py-1 pr-3">API model</th>
              <th className="py-1 pr-3 text-right">Input /1M</th>
              <th className="py-1 pr-3 text-right">Cached /1M</th>
              <th className="py-1 pr-3 text-right">Output /1M</th>
              <th className="py-1 pr-3">Checked</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {api_.map((r) => (
              <tr key={r.id} data-row={`${r.provider} ${r.model}`}>
                <td className="py-1 pr-3">
                  {r.provider} · <span className="font-medium">{r.model}</span>{" "}
                  <span className="text-xs text-gray-500">
                    {r.region !== "global" || r.tier !== "standard" ? `${r.region} · ${r.tier}` : ""}
                  </span>
                </td>
                <td className="py-1 pr-3 text-right">
                  <PriceInput
                    label={`${r.model} input price`}
                    value={r.inputPerM}
                    onSave={(v) => patch("api-prices", r.id, { inputPerM: v })}
                  />
                </td>
                <td className="py-1 pr-3 text-right">
                  <PriceInput
                    label={`${r.model} cached input price`}
                    value={r.cachedInputPerM}
                    onSave={(v) => patch("api-prices", r.id, { cachedInputPerM: v })}
                  />
                </td>
                <td className="py-1 pr-3 text-right">
                  <PriceInput
                    label={`${r.model} output price`}
                    value={r.outputPerM}
                    onSave={(v) => patch("api-prices", r.id, { outputPerM: v })}
                  />
                </td>
                <td className="py-1 pr-3 text-xs text-gray-600">{r.checkedAt}</td>
                <td className="py-1 text-right">
                  <button className="text-xs text-red-700 hover:underline" onClick={() => retire.mutate({ kind: "api-prices", id: r.id })}>
                    Retire
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="mt-4 min-w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-gray-500">
            <tr>
              <th className="py-1 pr-3">GPU offer</th>
              <th className="py-1 pr-3 text-right">$/GPU-hour</th>
              <th className="py-1 pr-3 text-right">Rented in</th>
              <th className="py-1 pr-3">Checked</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {gpu.map((r) => (
              <tr key={r.id} data-row={`${r.provider} ${r.gpuType}`}>
                <td className="py-1 pr-3">
                  <span className="font-medium">{r.gpuType}</span> · {r.provider}{" "}
                  <span className="text-xs text-gray-500">{r.provisioning.replace("_", " ")}</span>
                </td>
                <td className="py-1 pr-3 text-right">
                  <PriceInput
                    label={`${r.gpuType} at ${r.provider} price per GPU-hour`}
                    value={r.pricePerGpuHour}
                    onSave={(v) => patch("gpu-offers", r.id, { pricePerGpuHour: v })}
                  />
                </td>
                <td className="py-1 pr-3 text-right">
                  <PriceInput
                    label={`${r.gpuType} at ${r.provider} GPUs per rental`}
                    value={r.minGpus}
                    onSave={(v) => patch("gpu-offers", r.id, { minGpus: v })}
                  />
                </td>
                <td className="py-1 pr-3 text-xs text-gray-600">{r.checkedAt}</td>
                <td className="py-1 text-right">
                  <button className="text-xs text-red-700 hover:underline" onClick={() => retire.mutate({ kind: "gpu-offers", id: r.id })}>
                    Retire
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CatalogAdmin({
  teamSlug,
  drafts,
  published,
  selectedId,
  rows,
}: {
  teamSlug: string;
  drafts: Draft[];
  published: Published[];
  selectedId: string | null;
  rows: DraftRows | null;
}) {
  const router = useRouter();
  const [label, setLabel] = useState("");
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [note, setNote] = useState("");
  const selected = drafts.find((d) => d.id === selectedId) ?? null;
  const [publishLabel, setPublishLabel] = useState(selected?.label ?? "");
  const [publishDate, setPublishDate] = useState(selected?.effectiveDate ?? today());
  const create = useMutation({
    mutationFn: () => api<{ id: string }>(`/api/v1/catalog/versions`, { method: "POST", body: { label, effectiveDate, sourceNote: note } }),
    onSuccess: (r) => {
      setLabel("");
      router.push(`/t/${teamSlug}/catalog/admin?draft=${r.id}`);
      router.refresh();
    },
  });
  const publish = useMutation({
    mutationFn: () =>
      api<{ runId: string }>(`/api/v1/catalog/versions/${selected!.id}/publish`, {
        method: "POST",
        body: { label: publishLabel, effectiveDate: publishDate },
      }),
    onSuccess: () => {
      router.push(`/t/${teamSlug}/catalog/admin`);
      router.refresh();
    },
  });
  const discard = useMutation({
    mutationFn: () => api(`/api/v1/catalog/versions/${selected!.id}`, { method: "DELETE" }),
    onSuccess: () => {
      router.push(`/t/${teamSlug}/catalog/admin`);
      router.refresh();
    },
  });
  return (
    <div className="space-y-5">
      <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="new-draft">
        <h2 className="mb-2 text-sm font-semibold">New draft (a copy of the newest published version)</h2>
        <form
          className="flex flex-wrap items-end gap-3 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <label>
            <span className="field-label">Label</span>
            <input
              className="field-input py-1.5"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="2026-12 prices"
              aria-label="Label"
            />
          </label>
          <label>
            <span className="field-label">Effective date</span>
            <input
              type="date"
              className="field-input py-1.5"
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.target.value)}
              aria-label="Effective date"
            />
          </label>
          <label className="min-w-[16rem] flex-1">
            <span className="field-label">Note on sources</span>
            <input className="field-input py-1.5" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button className="btn-primary" disabled={create.isPending}>
            Create draft
          </button>
        </form>
        <div className="mt-2">
          <Errors error={create.error} />
        </div>
      </section>

      {drafts.length ? (
        <nav aria-label="Drafts" className="flex flex-wrap gap-2 text-sm">
          {drafts.map((d) => (
            <Link
              key={d.id}
              href={`/t/${teamSlug}/catalog/admin?draft=${d.id}`}
              aria-current={d.id === selectedId ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 ${d.id === selectedId ? "bg-blue-600 text-white" : "bg-white ring-1 ring-gray-200"}`}
            >
              {d.label} (draft)
            </Link>
          ))}
        </nav>
      ) : (
        <p className="text-sm text-gray-600">No drafts. Create one to change prices; published versions never change.</p>
      )}

      {selected && rows ? (
        <>
          <section className="rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="draft-summary">
            <p>
              <strong>{selected.label}</strong> · effective {selected.effectiveDate} · {selected.counts.apiPrices} API prices,{" "}
              {selected.counts.gpuOffers} GPU offers, {selected.counts.openModels} open models, {selected.counts.benchmarks} benchmarks ·{" "}
              <Link className="text-blue-700 underline" href={`/t/${teamSlug}/catalog?v=${selected.id}`}>
                browse
              </Link>
            </p>
            <form
              className="mt-3 flex flex-wrap items-end gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                publish.mutate();
              }}
            >
              <label>
                <span className="field-label">Publish as</span>
                <input
                  className="field-input py-1.5"
                  value={publishLabel}
                  onChange={(e) => setPublishLabel(e.target.value)}
                  aria-label="Publish as"
                />
              </label>
              <label>
                <span className="field-label">Effective date</span>
                <input
                  type="date"
                  className="field-input py-1.5"
                  value={publishDate}
                  onChange={(e) => setPublishDate(e.target.value)}
                  aria-label="Publish effective date"
                />
              </label>
              <button className="btn-primary" disabled={publish.isPending}>
                Publish and re-price every scenario
              </button>
              <button
                type="button"
                className="btn-secondary"
                onClick={() => confirm(`Discard draft "${selected.label}"?`) && discard.mutate()}
              >
                Discard draft
              </button>
            </form>
            <p className="mt-2 text-xs text-gray-600">
              Publishing is final: the version can no longer change, and every saved scenario is compared with its prices.
            </p>
            <div className="mt-2">
              <Errors error={publish.error ?? discard.error} />
            </div>
          </section>
          <ImportPanel key={selected.id} draft={selected} />
          <DraftTables key={`rows-${selected.id}`} rows={rows} draftId={selected.id} />
        </>
      ) : null}

      <section className="rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="published-versions">
        <h2 className="mb-2 text-sm font-semibold">Published versions</h2>
        <ul className="space-y-1">
          {published.map((v) => (
            <li key={v.id}>
              <Link className="text-blue-700 underline" href={`/t/${teamSlug}/catalog?v=${v.id}`}>
                {v.label}
              </Link>{" "}
              <span className="text-gray-600">effective {v.effectiveDate}</span> {v.run ? <RunStatus run={v.run} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
