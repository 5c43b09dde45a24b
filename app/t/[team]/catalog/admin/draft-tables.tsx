"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { type DraftRows, today } from "./admin-shared";
import { Errors } from "@/app/components/upload";
import { AddRow } from "./add-row";
import { API_ATTRIBUTE_FIELDS, attributeSummary, GPU_ATTRIBUTE_FIELDS, RowAttributes } from "./row-attributes";

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

/** An editable price in a draft row: saved when the field loses focus. */
function PriceCell(props: Parameters<typeof PriceInput>[0]) {
  return (
    <td className="py-1 pr-3 text-right">
      <PriceInput {...props} />
    </td>
  );
}

export function DraftTables({ rows, draftId }: { rows: DraftRows; draftId: string }) {
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
        <ApiDraftTable rows={api_} patch={patch} retire={(id) => retire.mutate({ kind: "api-prices", id })} />
        <GpuDraftTable rows={gpu} patch={patch} retire={(id) => retire.mutate({ kind: "gpu-offers", id })} />
      </div>
    </section>
  );
}

type Patch = (kind: "api-prices" | "gpu-offers", id: string, body: Record<string, unknown>) => Promise<unknown>;

function ApiDraftTable({ rows, patch, retire }: { rows: DraftRows["api"]; patch: Patch; retire: (id: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
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
        {rows.map((r) => (
          <Fragment key={r.id}>
            <tr data-row={`${r.provider} ${r.model}`}>
              <td className="py-1 pr-3">
                {r.provider} · <span className="font-medium">{r.model}</span>{" "}
                <span className="text-xs text-gray-500">
                  {r.region !== "global" || r.tier !== "standard" ? `${r.region} · ${r.tier}` : ""}
                </span>
                <AttributesToggle
                  summary={attributeSummary(API_ATTRIBUTE_FIELDS, r)}
                  open={open === r.id}
                  onToggle={() => setOpen(open === r.id ? null : r.id)}
                />
              </td>
              <PriceCell label={`${r.model} input price`} value={r.inputPerM} onSave={(v) => patch("api-prices", r.id, { inputPerM: v })} />
              <PriceCell
                label={`${r.model} cached input price`}
                value={r.cachedInputPerM}
                onSave={(v) => patch("api-prices", r.id, { cachedInputPerM: v })}
              />
              <PriceCell
                label={`${r.model} output price`}
                value={r.outputPerM}
                onSave={(v) => patch("api-prices", r.id, { outputPerM: v })}
              />
              <CheckedAndRetire checkedAt={r.checkedAt} onRetire={() => retire(r.id)} />
            </tr>
            {open === r.id ? (
              <RowAttributes
                colSpan={6}
                path={`/api/v1/catalog/api-prices/${r.id}`}
                label={`${r.provider} ${r.model}`}
                fields={API_ATTRIBUTE_FIELDS}
                values={r}
                onClose={() => setOpen(null)}
              />
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function GpuDraftTable({ rows, patch, retire }: { rows: DraftRows["gpu"]; patch: Patch; retire: (id: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
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
        {rows.map((r) => (
          <Fragment key={r.id}>
            <tr data-row={`${r.provider} ${r.gpuType}`}>
              <td className="py-1 pr-3">
                <span className="font-medium">{r.gpuType}</span> · {r.provider}{" "}
                <span className="text-xs text-gray-500">
                  {r.provisioning.replace("_", " ")} · {r.tenancy.replace("_", " ")}
                </span>
                <AttributesToggle
                  summary={attributeSummary(GPU_ATTRIBUTE_FIELDS, r)}
                  open={open === r.id}
                  onToggle={() => setOpen(open === r.id ? null : r.id)}
                />
              </td>
              <PriceCell
                label={`${r.gpuType} at ${r.provider} price per GPU-hour`}
                value={r.pricePerGpuHour}
                onSave={(v) => patch("gpu-offers", r.id, { pricePerGpuHour: v })}
              />
              <PriceCell
                label={`${r.gpuType} at ${r.provider} GPUs per rental`}
                value={r.minGpus}
                onSave={(v) => patch("gpu-offers", r.id, { minGpus: v })}
              />
              <CheckedAndRetire checkedAt={r.checkedAt} onRetire={() => retire(r.id)} />
            </tr>
            {open === r.id ? (
              <RowAttributes
                colSpan={5}
                path={`/api/v1/catalog/gpu-offers/${r.id}`}
                label={`${r.gpuType} at ${r.provider}`}
                fields={GPU_ATTRIBUTE_FIELDS}
                values={r}
                onClose={() => setOpen(null)}
              />
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** The row's attributes in one line, and the button that opens their form. */
function AttributesToggle({ summary, open, onToggle }: { summary: string; open: boolean; onToggle: () => void }) {
  return (
    <div className="text-xs text-gray-500">
      {summary}{" "}
      <button type="button" className="text-blue-700 hover:underline" aria-expanded={open} onClick={onToggle}>
        {open ? "Close" : "Edit attributes"}
      </button>
    </div>
  );
}

/** A row's checked date and its retire button, the last cells of both draft tables. */
function CheckedAndRetire({ checkedAt, onRetire }: { checkedAt: string; onRetire: () => void }) {
  return (
    <>
      <td className="py-1 pr-3 text-xs text-gray-600">{checkedAt}</td>
      <td className="py-1 text-right">
        <button className="text-xs text-red-700 hover:underline" onClick={onRetire}>
          Retire
        </button>
      </td>
    </>
  );
}
