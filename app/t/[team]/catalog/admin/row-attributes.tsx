"use client";

// A draft row's non-price attributes — where it runs, what it is certified for, what it keeps,
// how it is billed and what could not be sourced — edited in one form and saved together. The
// row's checked date stays: it dates the prices.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";

type Kind = "list" | "text" | "number" | "yes-no" | "note";
type Field = { name: string; label: string; kind: Kind; hint?: string };
type Values = Record<string, unknown>;

export const API_ATTRIBUTE_FIELDS: Field[] = [
  { name: "dataRegions", label: "Processing regions", kind: "list", hint: "comma-separated: eu, us, global (any region)" },
  { name: "certifications", label: "Certifications", kind: "list", hint: "comma-separated: SOC 2, ISO 27001, HIPAA BAA, GDPR DPA" },
  { name: "zeroDataRetention", label: "Zero data retention", kind: "yes-no" },
  { name: "dataRetention", label: "Data retention", kind: "text", hint: "what the provider keeps and for how long" },
  { name: "typicalTtftMs", label: "Typical time to first token (ms)", kind: "number", hint: "median, where published" },
  { name: "note", label: "Note", kind: "note", hint: "what could not be sourced, or a caveat" },
];

export const GPU_ATTRIBUTE_FIELDS: Field[] = [
  { name: "regions", label: "Regions", kind: "list", hint: "comma-separated: eu, us" },
  { name: "gpusPerNode", label: "GPUs per node", kind: "number" },
  { name: "certifications", label: "Certifications", kind: "list", hint: "comma-separated: SOC 2, ISO 27001, HIPAA BAA, GDPR DPA" },
  { name: "pricingTerms", label: "Pricing terms", kind: "text", hint: "billing increment, commitment, minimum rental" },
  { name: "note", label: "Note", kind: "note", hint: "what could not be sourced, or a caveat" },
];

const toText = (kind: Kind, v: unknown): string =>
  kind === "list"
    ? ((v as string[] | undefined) ?? []).join(", ")
    : kind === "yes-no"
      ? v === true
        ? "yes"
        : v === false
          ? "no"
          : ""
      : v == null
        ? ""
        : String(v);

function fromText(kind: Kind, text: string): unknown {
  const t = text.trim();
  if (kind === "list")
    return t === ""
      ? []
      : t
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
  if (kind === "yes-no") return t === "yes" ? true : t === "no" ? false : null;
  if (kind === "number") return t === "" ? null : Number(t);
  return t === "" ? null : t;
}

/** The form as a table row under the row it edits. */
export function RowAttributes({ colSpan, ...props }: { colSpan: number } & Parameters<typeof AttributesForm>[0]) {
  return (
    <tr>
      <td colSpan={colSpan} className="pb-3">
        <AttributesForm {...props} />
      </td>
    </tr>
  );
}

function AttributesForm({
  path,
  label,
  fields,
  values,
  onClose,
}: {
  path: string;
  label: string;
  fields: Field[];
  values: Values;
  onClose: () => void;
}) {
  const router = useRouter();
  const [texts, setTexts] = useState(() => Object.fromEntries(fields.map((f) => [f.name, toText(f.kind, values[f.name])])));
  const save = useMutation({
    mutationFn: () =>
      api(path, { method: "PATCH", body: Object.fromEntries(fields.map((f) => [f.name, fromText(f.kind, texts[f.name])])) }),
    onSuccess: () => (router.refresh(), onClose()),
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <form
      className="grid gap-3 rounded border border-gray-200 bg-gray-50 p-3 sm:grid-cols-2"
      aria-label={`Attributes of ${label}`}
      onSubmit={(e) => (e.preventDefault(), save.mutate())}
    >
      {fields.map((f) => (
        <label key={f.name} className={`block text-xs font-medium text-gray-700 ${f.kind === "note" ? "sm:col-span-2" : ""}`}>
          {f.label}
          {f.kind === "yes-no" ? (
            <select className="field-input py-1" value={texts[f.name]} onChange={(e) => setTexts({ ...texts, [f.name]: e.target.value })}>
              <option value="">Not verified</option>
              <option value="yes">Offered</option>
              <option value="no">Not offered</option>
            </select>
          ) : f.kind === "note" ? (
            <textarea
              className="field-input py-1"
              rows={2}
              value={texts[f.name]}
              onChange={(e) => setTexts({ ...texts, [f.name]: e.target.value })}
            />
          ) : (
            <input
              className="field-input py-1"
              inputMode={f.kind === "number" ? "numeric" : undefined}
              value={texts[f.name]}
              onChange={(e) => setTexts({ ...texts, [f.name]: e.target.value })}
            />
          )}
          {fieldErrors[f.name] ? (
            <span className="field-error">{fieldErrors[f.name][0]}</span>
          ) : f.hint ? (
            <span className="font-normal text-gray-500">{f.hint}</span>
          ) : null}
        </label>
      ))}
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save attributes"}
        </button>
        <button type="button" className="text-sm text-gray-600 hover:underline" onClick={onClose}>
          Cancel
        </button>
        {save.error && !Object.keys(fieldErrors).length ? (
          <span className="text-sm text-red-700">{(save.error as Error).message}</span>
        ) : null}
      </div>
    </form>
  );
}

/** What a row states about itself, in one line under its name. */
export function attributeSummary(fields: Field[], values: Values): string {
  const parts = fields
    .filter((f) => f.kind === "list" || f.kind === "yes-no")
    .map((f) => {
      const text = toText(f.kind, values[f.name]);
      return text ? `${f.label.toLowerCase()}: ${text}` : null;
    })
    .filter(Boolean);
  return parts.length ? parts.join(" · ") : "no attributes recorded";
}
