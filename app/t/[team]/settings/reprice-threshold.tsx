"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";

/** Owners: the change below which the dashboard shows no "prices changed" mark. */
export function RepriceThreshold({
  teamSlug,
  percent,
  usd,
  isOwner,
}: {
  teamSlug: string;
  percent: number | null;
  usd: number | null;
  isOwner: boolean;
}) {
  const router = useRouter();
  const [p, setP] = useState(percent === null ? "" : String(percent));
  const [u, setU] = useState(usd === null ? "" : String(usd));
  const save = useMutation({
    mutationFn: () =>
      api(`/api/v1/teams/${teamSlug}/reprice-threshold`, {
        method: "PUT",
        body: { percent: p.trim() === "" ? null : Number(p), usd: u.trim() === "" ? null : Number(u) },
      }),
    onSuccess: () => router.refresh(),
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="reprice-threshold">
      <h2 className="mb-1 text-sm font-semibold">Price-change marks</h2>
      <p className="mb-3 text-sm text-gray-600">
        When a new price catalog is published, every saved scenario is re-evaluated. The dashboard marks the ones whose recommended option’s
        monthly cost moved by at least this much (both, when both are set). A changed recommendation is always marked.
      </p>
      <form
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <label>
          <span className="field-label">At least (%)</span>
          <input
            className="field-input w-32 py-1.5"
            inputMode="decimal"
            value={p}
            onChange={(e) => setP(e.target.value)}
            disabled={!isOwner}
            aria-label="Threshold percent"
            placeholder="any change"
          />
          {fieldErrors.percent ? <span className="block text-xs text-red-700">{fieldErrors.percent.join("; ")}</span> : null}
        </label>
        <label>
          <span className="field-label">At least (US$ a month)</span>
          <input
            className="field-input w-40 py-1.5"
            inputMode="decimal"
            value={u}
            onChange={(e) => setU(e.target.value)}
            disabled={!isOwner}
            aria-label="Threshold dollars"
            placeholder="any change"
          />
          {fieldErrors.usd ? <span className="block text-xs text-red-700">{fieldErrors.usd.join("; ")}</span> : null}
        </label>
        {isOwner ? (
          <button className="btn-secondary" disabled={save.isPending}>
            Save threshold
          </button>
        ) : (
          <span className="text-xs text-gray-500">Owners set this.</span>
        )}
        {save.isSuccess ? <span className="text-xs text-emerald-700">Saved.</span> : null}
      </form>
      {save.error && !Object.keys(fieldErrors).length ? <p className="mt-2 text-sm text-red-700">{save.error.message}</p> : null}
    </section>
  );
}
