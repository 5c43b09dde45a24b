"use client";

// What the catalog administration panels share: the shapes the API answers with, error and
// progress display, uploads that report progress, and a re-pricing run's live status.
import { useQuery } from "@tanstack/react-query";
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
    tenancy: string;
    pricePerGpuHour: number;
    minGpus: number;
    checkedAt: string;
  }[];
};
export type Draft = {
  id: string;
  label: string;
  effectiveDate: string;
  counts: { apiPrices: number; gpuOffers: number; openModels: number; benchmarks: number };
};
export type Run = {
  id: string;
  status: string;
  total: number;
  processed: number;
  changed: number;
  error: string | null;
  finishedAt: string | null;
};
export type Published = { id: string; label: string; effectiveDate: string; run: Run | null };
export type Preview = {
  kind: "api" | "gpu";
  counts: { added: number; changed: number; removed: number; unchanged: number; skipped: number };
  added: Record<string, unknown>[];
  changed: { key: string; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> }[];
  removed: Record<string, unknown>[];
  skipped: { row: string; reason: string }[];
};

export const today = () => new Date().toISOString().slice(0, 10);

export function Errors({ error }: { error: unknown }) {
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
export function postWithProgress<T>(url: string, body: unknown, onProgress: (share: number) => void): Promise<T> {
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

export function readFile(file: File, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error("The file could not be read."));
    reader.readAsText(file);
  });
}

export function Progress({ label, share }: { label: string; share: number }) {
  return (
    <div className="text-xs text-gray-700" data-testid="import-progress">
      {label} {Math.round(share * 100)}%
      <div className="mt-1 h-1.5 w-full rounded bg-gray-200">
        <div className="h-1.5 rounded bg-blue-600" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}

export function RunStatus({ run: initial }: { run: Run }) {
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
