"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { today } from "./admin-shared";

const GPU_TYPES = {
  "H100 SXM": [80, 3350, 989, 1979],
  "H200 SXM": [141, 4800, 989, 1979],
  "A100 80GB": [80, 2039, 312, null],
  L40S: [48, 864, 362, 733],
  B200: [180, 8000, 2250, 4500],
} as const;

/** Adds one API price or GPU offer to a draft; the server checks every field. */
export function AddRow({ draftId }: { draftId: string }) {
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
