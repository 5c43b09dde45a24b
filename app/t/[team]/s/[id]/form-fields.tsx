"use client";
// The editor's building blocks: a number field keyed by its input path (with its unit, help and
// field error), a titled section, an option card, certification boxes and a regions field.
import { createContext, useContext, useEffect, useRef } from "react";
import type { ScenarioInputRaw } from "@/lib/engine";
import type { PickerCatalog } from "@/lib/catalog/templates";
import { formatFieldNumber, parseFieldNumber } from "@/lib/format/numbers";
import { inputLabel } from "@/lib/results/input-labels";

export type Errors = Record<string, string[]>;
export type Set = (mutate: (draft: ScenarioInputRaw) => void) => void;

/** What every section of the form receives; option sections also get the catalog to add from. */
export type SectionProps = { input: ScenarioInputRaw; set: Set; errors: Errors };
export type OptionSectionProps = SectionProps & { catalog: PickerCatalog };

/** True when the person may only read: inputs are shown disabled and add/remove controls hidden. */
export const ReadOnly = createContext(false);
export const useReadOnly = () => useContext(ReadOnly);

type FieldProps = {
  path: string;
  value: number | null | undefined;
  onValue: (v: number) => void;
  errors: Errors;
  /** Overrides of the label table's entry for this path. */
  label?: string;
  help?: string;
  /** Shown but not editable here (another input decides it). */
  disabled?: boolean;
};

/**
 * A number field keyed by its input path, labelled from the one label table, showing grouped
 * digits ("8,000,000") and reading separators and k/M/B back; percentages are typed as percent.
 */
export function NumberField({ path, value, onValue, errors, disabled, ...override }: FieldProps) {
  const known = inputLabel(path);
  const { label, help } = { label: known.label, help: known.help ?? "", ...override };
  const percent = known.percent ?? false;
  const id = `f-${path.replace(/\./g, "-")}`;
  const err = errors[path];
  const shown = value == null || Number.isNaN(value) ? "" : formatFieldNumber(percent ? Math.round(value * 10000) / 100 : value);
  const ref = useRef<HTMLInputElement>(null);
  // Text typed into the server-rendered field before the page hydrated produced no change event:
  // take it on mount, so an early keystroke is not silently dropped.
  useEffect(() => {
    const typed = ref.current?.value ?? shown;
    if (typed !== shown) {
      const n = parseFieldNumber(typed);
      onValue(percent ? n / 100 : n);
    }
    // Only on mount: afterwards every change arrives through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label} {known.unit ? <span className="font-normal text-gray-500">({percent ? "%" : known.unit})</span> : null}
      </label>
      <input
        ref={ref}
        id={id}
        name={path}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        {...(disabled ? { value: shown, readOnly: true } : { defaultValue: shown })}
        aria-invalid={err ? true : undefined}
        aria-describedby={`${id}-help`}
        disabled={disabled}
        onChange={(e) => {
          const n = parseFieldNumber(e.target.value);
          onValue(percent ? n / 100 : n);
        }}
        onBlur={(e) => {
          const n = parseFieldNumber(e.target.value);
          if (Number.isFinite(n)) e.target.value = formatFieldNumber(n);
        }}
        className="field-input py-1.5 tabular-nums"
      />
      <p id={`${id}-help`} className={`mt-0.5 text-xs ${err ? "text-red-600" : "text-gray-500"}`} role={err ? "alert" : undefined}>
        {err ? err.join(" ") : help}
      </p>
    </div>
  );
}

/** A select keyed by its input path, labelled from the label table. */
export function SelectField<T extends string>({
  path,
  value,
  choices,
  onValue,
}: {
  path: string;
  value: T;
  choices: readonly (readonly [T, string])[];
  onValue: (v: T) => void;
}) {
  const known = inputLabel(path);
  return (
    <label className="block text-xs font-medium text-gray-700">
      {known.label}
      <select className="field-input py-1.5" value={value} onChange={(e) => onValue(e.target.value as T)}>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {known.help ? <span className="mt-0.5 block text-xs font-normal text-gray-500">{known.help}</span> : null}
    </label>
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
  onRemove?: () => void;
  children: React.ReactNode;
}) {
  const readOnly = useReadOnly();
  return (
    <div className="rounded-md border border-gray-100 p-3" data-testid={testId}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <span className="min-w-0 text-sm font-medium">{label}</span>
        {onRemove && !readOnly ? (
          <button type="button" className="text-xs text-red-700 hover:underline" onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove
          </button>
        ) : null}
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
