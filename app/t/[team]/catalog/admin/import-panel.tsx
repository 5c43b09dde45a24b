"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { type Draft, type Preview, readFile } from "./admin-shared";
import { Errors, postWithProgress, Progress } from "@/app/components/upload";

export function ImportPanel({ draft }: { draft: Draft }) {
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
  return (
    <section className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" data-testid="import-panel">
      <h3 className="text-sm font-semibold">Import prices into “{draft.label}”</h3>
      <ImportFields
        format={format}
        mode={mode}
        sourceUrl={sourceUrl}
        onFormat={(v) => (setFormat(v), setPreview(null))}
        onMode={(v) => (setMode(v), setPreview(null))}
        onFile={(f) => (setFile(f), setPreview(null))}
        onSourceUrl={setSourceUrl}
      />
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
      {preview ? <PreviewView preview={preview} /> : null}
    </section>
  );
}

/** The file to import, its format, what happens to rows it leaves out, and where it came from. */
function ImportFields(p: {
  format: string;
  mode: string;
  sourceUrl: string;
  onFormat: (v: string) => void;
  onMode: (v: string) => void;
  onFile: (f: File | null) => void;
  onSourceUrl: (v: string) => void;
}) {
  const { format, mode, sourceUrl, onFormat, onMode, onFile, onSourceUrl } = p;
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label>
        <span className="field-label">Format</span>
        <select className="field-input py-1.5" value={format} onChange={(e) => onFormat(e.target.value)} aria-label="Format">
          <option value="litellm">LiteLLM model_prices_and_context_window.json</option>
          <option value="llm-prices">simonw/llm-prices JSON</option>
          <option value="genai-prices">pydantic/genai-prices data.json</option>
          <option value="gpu-csv">GPU offers CSV</option>
        </select>
      </label>
      <label>
        <span className="field-label">Rows the file leaves out</span>
        <select className="field-input py-1.5" value={mode} onChange={(e) => onMode(e.target.value)} aria-label="Rows the file leaves out">
          <option value="merge">keep them</option>
          <option value="replace">retire them (same providers)</option>
        </select>
      </label>
      <label>
        <span className="field-label">File</span>
        <input
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
          aria-label="Price file"
          className="text-sm"
        />
      </label>
      <label className="min-w-[16rem] flex-1">
        <span className="field-label">Source link (optional)</span>
        <input className="field-input py-1.5" value={sourceUrl} onChange={(e) => onSourceUrl(e.target.value)} placeholder="https://…" />
      </label>
    </div>
  );
}

/** What an import would change: counts, then the changed, added, removed and skipped rows. */
function PreviewView({ preview }: { preview: Preview }) {
  const show = (r: Record<string, unknown>) =>
    preview?.kind === "gpu"
      ? `${r.gpuType} · ${r.provider} (${r.provisioning}): $${r.pricePerGpuHour}/h`
      : `${r.provider} · ${r.model}: in $${r.inputPerM} / out $${r.outputPerM} per 1M`;
  return (
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
  );
}
