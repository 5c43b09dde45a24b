"use client";
// Rename a scenario or change its description: the scenario's own fields, so no revision is added.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { useScenarioVersion } from "./scenario-version";

export function RenameScenario({ scenarioId, name, description }: { scenarioId: string; name: string; description: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { version, setVersion } = useScenarioVersion();
  const rename = useMutation({
    mutationFn: (body: { name: string; description: string }) =>
      api<{ version: number }>(`/api/v1/scenarios/${scenarioId}`, { method: "PATCH", body: { baseVersion: version, ...body } }),
    onSuccess: (r) => {
      setVersion(r.version);
      setOpen(false);
      router.refresh();
    },
  });
  if (!open) {
    return (
      <button type="button" className="text-sm text-blue-700 hover:underline" onClick={() => setOpen(true)}>
        Rename or describe
      </button>
    );
  }
  const errors = rename.error instanceof ApiError ? rename.error.fieldErrors : {};
  return (
    <form
      className="mt-2 max-w-2xl space-y-2 rounded-lg border border-gray-200 bg-white p-3"
      data-testid="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        rename.mutate({ name: String(f.get("name") ?? ""), description: String(f.get("description") ?? "") });
      }}
    >
      <label className="block text-sm">
        <span className="field-label">Name</span>
        <input name="name" className="field-input" defaultValue={name} maxLength={120} />
        {errors.name ? <span className="field-error">{errors.name.join(" ")}</span> : null}
      </label>
      <label className="block text-sm">
        <span className="field-label">Description</span>
        <textarea name="description" className="field-input" rows={3} defaultValue={description} maxLength={2000} />
        {errors.description ? <span className="field-error">{errors.description.join(" ")}</span> : null}
      </label>
      {rename.isError && !errors.name && !errors.description ? (
        <p role="alert" className="text-sm text-red-700">
          {rename.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className="btn-primary py-1 text-sm" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Save name and description"}
        </button>
        <button type="button" className="btn-secondary py-1 text-sm" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
