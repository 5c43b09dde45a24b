"use client";
// The editor's building blocks: a number field keyed by its input path (with its unit, help and
// field error), a titled section, an option card, certification boxes and a regions field.
import type { ScenarioInputRaw } from "@/lib/engine/schema";

export type Errors = Record<string, string[]>;
export type Set = (mutate: (draft: ScenarioInputRaw) => void) => void;

type FieldProps = {
  path: string;
  label: string;
  unit: string;
  help: string;
  value: number | null | undefined;
  onValue: (v: number) => void;
  percent?: boolean;
  errors: Errors;
  step?: string;
};

/** A number field with its unit, a help line and its field-level error, keyed by the input path. */
export function NumberField({ path, label, unit, help, value, onValue, percent, errors, step }: FieldProps) {
  const id = `f-${path.replace(/\./g, "-")}`;
  const err = errors[path];
  const shown = value == null ? "" : percent ? String(Math.round(value * 10000) / 100) : String(value);
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label} <span className="font-normal text-gray-500">({percent ? "%" : unit})</span>
      </label>
      <input
        id={id}
        name={path}
        type="number"
        inputMode="decimal"
        step={step ?? "any"}
        defaultValue={shown}
        aria-invalid={err ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const raw = e.target.value.trim();
          const n = raw === "" ? Number.NaN : Number(raw);
          onValue(percent ? n / 100 : n);
        }}
        className="field-input py-1.5"
      />
      <p id={`${id}-help`} className={`mt-0.5 text-xs ${err ? "text-red-600" : "text-gray-500"}`} role={err ? "alert" : undefined}>
        {err ? err.join(" ") : help}
      </p>
    </div>
  );
}

/** One titled group of the form (a fieldset that may shrink to its column). */
export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="min-w-0 rounded-lg border border-gray-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

export function OptionCard({
  testId,
  label,
  onRemove,
  children,
}: {
  testId: string;
  label: string;
  onRemove: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className="rounded-md border border-gray-100 p-3" data-testid={testId}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <span className="min-w-0 text-sm font-medium">{label}</span>
        <button type="button" className="text-xs text-red-700 hover:underline" onClick={onRemove} aria-label={`Remove ${label}`}>
          Remove
        </button>
      </div>
      {children}
    </div>
  );
}

const CERTS = ["SOC 2", "ISO 27001", "HIPAA BAA", "GDPR DPA"] as const;

export function CertBoxes({ name, held, onChange }: { name: string; held: string[]; onChange: (next: string[]) => void }) {
  return (
    <fieldset className="text-xs">
      <legend className="font-medium text-gray-700">{name}</legend>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        {CERTS.map((c) => (
          <label key={c} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={held.includes(c)}
              onChange={(e) => onChange(e.target.checked ? [...held, c] : held.filter((x) => x !== c))}
            />
            {c}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RegionsField({
  id,
  label,
  regions,
  onChange,
}: {
  id: string;
  label: string;
  regions: string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <label htmlFor={id} className="block text-xs font-medium text-gray-700">
      {label} <span className="font-normal text-gray-500">(comma-separated; empty = not verified)</span>
      <input
        id={id}
        className="field-input py-1.5"
        defaultValue={regions.join(", ")}
        onChange={(e) =>
          onChange(
            e.target.value
              .split(",")
              .map((x) => x.trim().toLowerCase())
              .filter(Boolean),
          )
        }
      />
    </label>
  );
}
