"use client";

// An option's quality figure: the share of the team's evaluation tasks it passes (or a cited
// public benchmark), with its source. Left empty, the option has no quality figure.
import type { Quality } from "@/lib/engine";
import { NumberField, SelectField } from "./form-fields";

const BASIS = [
  ["team-evaluation", "Our evaluation"],
  ["public-benchmark", "Public benchmark"],
] as const;

type Basis = (typeof BASIS)[number][0];
type QualityInput = { score: number; basis?: Basis; source: string } | null | undefined;

export function QualityFields({
  at,
  quality,
  onChange,
  errors,
}: {
  /** The option's path, e.g. `apiOptions.0`. */
  at: string;
  quality: QualityInput;
  onChange: (next: NonNullable<Quality> | null) => void;
  errors: Record<string, string[]>;
}) {
  const q = quality ?? null;
  const sourceId = `f-${at.replace(/\./g, "-")}-quality-source`;
  const sourceError = errors[`${at}.quality.source`];
  return (
    <div className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-4 xl:grid-cols-2" data-testid={`quality-${at}`}>
      <NumberField
        path={`${at}.quality.score`}
        value={q?.score ?? null}
        errors={errors}
        onValue={(v) => onChange(Number.isNaN(v) ? null : { score: v, basis: q?.basis ?? "team-evaluation", source: q?.source ?? "" })}
      />
      {q ? (
        <>
          <SelectField
            path={`${at}.quality.basis`}
            value={q.basis ?? "team-evaluation"}
            choices={BASIS}
            onValue={(basis) => onChange({ score: q.score, basis, source: q.source })}
          />
          <div className="col-span-2">
            <label htmlFor={sourceId} className="block text-xs font-medium text-gray-700">
              Quality source
            </label>
            <input
              id={sourceId}
              type="text"
              className="field-input py-1.5"
              value={q.source}
              placeholder="e.g. support-ticket eval, 400 cases, 2026-11"
              aria-invalid={sourceError ? true : undefined}
              onChange={(e) => onChange({ score: q.score, basis: q.basis ?? "team-evaluation", source: e.target.value })}
            />
            {sourceError ? (
              <p className="mt-0.5 text-xs text-red-600" role="alert">
                {sourceError.join(" ")}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
