"use client";

import type { ScenarioInputRaw } from "@/lib/engine";
import { useReadOnly, type Set } from "./form-fields";

/** A requirement the engine cannot check, with the team's verdict per option. */
export function CustomConstraints({ input, set }: { input: ScenarioInputRaw; set: Set }) {
  const options = [...(input.apiOptions ?? []), ...(input.selfHostOptions ?? [])];
  const customs = (input.constraints ?? []).map((c, i) => [c, i] as const).filter(([c]) => c.kind === "custom");
  const readOnly = useReadOnly();
  return (
    <div className="space-y-3 border-t border-gray-100 pt-2">
      {customs.map(([c, ci]) =>
        c.kind === "custom" ? (
          <div key={c.id} className="rounded-md border border-gray-100 p-2 text-xs">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{c.label}</span>
              {readOnly ? null : (
                <button
                  type="button"
                  className="text-red-700 hover:underline"
                  onClick={() => set((d) => void d.constraints!.splice(ci, 1))}
                >
                  Remove
                </button>
              )}
            </div>
            {options.map((o) => (
              <label key={o.id} className="mt-1 flex min-w-0 items-center justify-between gap-2">
                <span className="min-w-0 truncate">{o.label}</span>
                <select
                  aria-label={`${c.label}: ${o.label}`}
                  className="rounded border border-gray-300 px-1 py-0.5"
                  value={c.verdicts?.[o.id] ?? "unknown"}
                  onChange={(e) =>
                    set(
                      (d) =>
                        void ((d.constraints![ci] as { verdicts: Record<string, string> }).verdicts = {
                          ...((d.constraints![ci] as { verdicts?: Record<string, string> }).verdicts ?? {}),
                          [o.id]: e.target.value,
                        }),
                    )
                  }
                >
                  <option value="unknown">not assessed</option>
                  <option value="pass">meets it</option>
                  <option value="fail">fails it</option>
                </select>
              </label>
            ))}
          </div>
        ) : null,
      )}
      {readOnly ? null : (
        <form
          className="flex min-w-0 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const label = String(f.get("label") ?? "").trim();
            if (!label) return;
            set(
              (d) =>
                void (d.constraints = [
                  ...(d.constraints ?? []),
                  { id: `custom-${Date.now().toString(36)}`, kind: "custom", label, verdicts: {} },
                ]),
            );
            e.currentTarget.reset();
          }}
        >
          <label className="min-w-0 flex-1 text-xs">
            <span className="sr-only">Custom requirement</span>
            <input name="label" className="field-input mt-0 py-1.5" placeholder="Custom requirement, e.g. Legal sign-off" maxLength={120} />
          </label>
          <button type="submit" className="btn-secondary py-1 text-xs">
            Add
          </button>
        </form>
      )}
    </div>
  );
}
