"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { GPU_SPECS } from "@/lib/catalog/reference-catalog";
import { today } from "./admin-shared";

type Kind = "api" | "gpu";
type FieldError = (k: string) => React.ReactNode;

/** The request that adds a row of this kind from the form's fields; a GPU's specs come from the catalog's table of them. */
function rowRequest(kind: Kind, draftId: string, form: FormData): { path: string; body: Record<string, unknown> } {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const num = (k: string) => (text(k) === "" ? null : Number(text(k)));
  const common = { provider: text("provider"), sourceUrl: text("sourceUrl"), checkedAt: today() };
  if (kind === "api") {
    return {
      path: `/api/v1/catalog/versions/${draftId}/api-prices`,
      body: {
        ...common,
        model: text("model"),
        inputPerM: num("inputPerM"),
        cachedInputPerM: num("cachedInputPerM"),
        outputPerM: num("outputPerM"),
      },
    };
  }
  const { memoryGb, bandwidthGbS, bf16Tflops, fp8Tflops } = GPU_SPECS[text("gpuType")];
  return {
    path: `/api/v1/catalog/versions/${draftId}/gpu-offers`,
    body: {
      ...common,
      gpuType: text("gpuType"),
      memoryGb,
      bandwidthGbS,
      bf16Tflops,
      fp8Tflops,
      pricePerGpuHour: num("pricePerGpuHour"),
      minGpus: num("minGpus") ?? 1,
    },
  };
}

/** Adds one API price or GPU offer to a draft; the server checks every field. */
export function AddRow({ draftId }: { draftId: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("api");
  const add = useMutation({
    mutationFn: (form: FormData) => {
      const { path, body } = rowRequest(kind, draftId, form);
      return api(path, { method: "POST", body });
    },
    onSuccess: () => router.refresh(),
  });
  const fe = add.error instanceof ApiError ? add.error.fieldErrors : {};
  const err: FieldError = (k) => (fe[k] ? <span className="block text-xs text-red-700">{fe[k].join("; ")}</span> : null);
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
        <select className="field-input py-1.5" value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label="Row kind">
          <option value="api">API price</option>
          <option value="gpu">GPU offer</option>
        </select>
      </label>
      <label>
        <span className="field-label">Provider</span>
        <input name="provider" className="field-input w-36 py-1.5" aria-label="New row provider" />
        {err("provider")}
      </label>
      {kind === "api" ? <ApiRowFields err={err} /> : <GpuRowFields err={err} />}
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

function ApiRowFields({ err }: { err: FieldError }) {
  return (
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
  );
}

function GpuRowFields({ err }: { err: FieldError }) {
  return (
    <>
      <label>
        <span className="field-label">GPU</span>
        <select name="gpuType" className="field-input py-1.5" aria-label="New row GPU">
          {Object.keys(GPU_SPECS).map((g) => (
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
  );
}
