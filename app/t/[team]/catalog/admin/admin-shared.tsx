"use client";

// What the catalog administration panels share: the shapes the API answers with, error and
// progress display, uploads that report progress, and a re-pricing run's live status.
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { ApiRowAttributes } from "@/lib/catalog/import-rows";
import type { PickerApiRow } from "@/lib/catalog/picker";
import { isoDay } from "@/lib/format/dates";

export type DraftRows = {
  api: (PickerApiRow & ApiRowAttributes & { id: string; region: string; tier: string })[];
  gpu: {
    id: string;
    provider: string;
    gpuType: string;
    provisioning: string;
    tenancy: string;
    pricePerGpuHour: number;
    minGpus: number;
    checkedAt: string;
    gpusPerNode: number;
    regions: string[];
    certifications: string[];
    pricingTerms: string | null;
    note: string | null;
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

/** Today's calendar day, for date fields. */
export const today = () => isoDay(new Date());

export function readFile(file: File, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error("The file could not be read."));
    reader.readAsText(file);
  });
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
