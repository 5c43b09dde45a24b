"use client";

import { QualityFields } from "./quality-fields";
import { ApiPricingTerms } from "./api-pricing-terms";
import type { ScenarioInputRaw } from "@/lib/engine";
import { apiOptionFromRow, uniqueOption, type PickerCatalog } from "@/lib/catalog/templates";
import {
  CertBoxes,
  NumberField,
  OptionCard,
  RegionsField,
  Section,
  useReadOnly,
  type Errors,
  type OptionSectionProps,
} from "./form-fields";

type ApiOption = NonNullable<ScenarioInputRaw["apiOptions"]>[number];
type Attributes = NonNullable<ApiOption["attributes"]>;

/** Every option of the scenario, API and self-host: option ids are unique across both lists. */
export const allOptions = (d: ScenarioInputRaw) => [...(d.apiOptions ?? []), ...(d.selfHostOptions ?? [])];

/** The API options, each with its prices and (folded) compliance and latency attributes. */
export function ApiOptionsSection({ input, set, errors, catalog }: OptionSectionProps) {
  const readOnly = useReadOnly();
  return (
    <Section title="API options">
      <div className="space-y-4">
        {(input.apiOptions ?? []).map((o, i) => {
          const price = (key: "inputPerM" | "outputPerM") => (
            <NumberField
              path={`apiOptions.${i}.prices.${key}`}
              value={o.prices[key]}
              errors={errors}
              onValue={(v) => set((d) => void (d.apiOptions![i].prices[key] = v))}
            />
          );
          return (
            <OptionCard
              key={o.id}
              testId={`api-option-${o.id}`}
              label={o.label}
              onRemove={() => set((d) => void d.apiOptions!.splice(i, 1))}
            >
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-4 xl:grid-cols-2">
                {price("inputPerM")}
                <NumberField
                  path={`apiOptions.${i}.prices.cachedInputPerM`}
                  value={o.prices.cachedInputPerM}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.apiOptions![i].prices.cachedInputPerM = Number.isNaN(v) ? null : v))}
                />
                {price("outputPerM")}
                <NumberField
                  path={`apiOptions.${i}.integrationFte`}
                  value={o.integrationFte ?? 0.05}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.apiOptions![i].integrationFte = v))}
                />
              </div>
              <ApiPricingTerms
                option={o}
                index={i}
                errors={errors}
                setTier={(tier) => set((d) => void (d.apiOptions![i].serviceTier = tier))}
                setOffPeak={(offPeak) => set((d) => void (d.apiOptions![i].prices.offPeak = offPeak))}
              />
              <QualityFields
                at={`apiOptions.${i}`}
                quality={o.quality}
                errors={errors}
                onChange={(next) => set((d) => void (d.apiOptions![i].quality = next))}
              />
              <ApiAttributes
                option={o}
                index={i}
                errors={errors}
                update={(patch) => set((d) => void (d.apiOptions![i].attributes = { ...(d.apiOptions![i].attributes ?? {}), ...patch }))}
              />
            </OptionCard>
          );
        })}
        {readOnly ? null : (
          <AddFromCatalog
            catalog={catalog}
            onAdd={(row) => set((d) => void (d.apiOptions = [...(d.apiOptions ?? []), uniqueOption(apiOptionFromRow(row), allOptions(d))]))}
          />
        )}
      </div>
    </Section>
  );
}

/** The catalog's API rows (each endpoint and tier its own row), added as a new option. */
function AddFromCatalog({ catalog, onAdd }: { catalog: PickerCatalog; onAdd: (row: PickerCatalog["api"][number]) => void }) {
  return (
    <label className="block text-xs text-gray-700">
      Add an API model from the catalog ({catalog.label})
      <select
        className="field-input py-1.5"
        value=""
        onChange={(e) => {
          const row = catalog.api[Number(e.target.value)];
          if (row) onAdd(row);
        }}
      >
        <option value="">Choose a model…</option>
        {catalog.api.map((p, i) => (
          <option key={`${p.provider}|${p.model}|${p.region ?? "global"}|${p.tier ?? "standard"}`} value={i}>
            {p.provider} {p.model}
            {p.region && p.region !== "global" ? ` · ${p.region}` : ""}
            {p.tier && p.tier !== "standard" ? ` · ${p.tier}` : ""} (${p.inputPerM} / ${p.outputPerM} per 1M
            {p.offPeak ? `; off-peak $${p.offPeak.inputPerM} / $${p.offPeak.outputPerM}` : ""})
          </option>
        ))}
      </select>
    </label>
  );
}

function ApiAttributes({
  option: o,
  index: i,
  errors,
  update,
}: {
  option: ApiOption;
  index: number;
  errors: Errors;
  update: (patch: Partial<Attributes>) => void;
}) {
  const ttft = (key: "typicalTtftMs" | "ttftP95Ms") => (
    <NumberField
      path={`apiOptions.${i}.attributes.${key}`}
      value={o.attributes?.[key] ?? null}
      errors={errors}
      onValue={(v) => update({ [key]: Number.isNaN(v) ? null : v })}
    />
  );
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-xs text-blue-700">Compliance and latency</summary>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <CertBoxes
          name="Certifications the provider holds"
          held={o.attributes?.certifications ?? []}
          onChange={(next) => update({ certifications: next })}
        />
        <label className="block text-xs font-medium text-gray-700">
          Zero data retention
          <select
            className="field-input py-1.5"
            value={o.attributes?.zeroDataRetention == null ? "" : String(o.attributes.zeroDataRetention)}
            onChange={(e) => update({ zeroDataRetention: e.target.value === "" ? null : e.target.value === "true" })}
          >
            <option value="">Not verified</option>
            <option value="true">Offered</option>
            <option value="false">Not offered</option>
          </select>
        </label>
        <RegionsField
          id={`api-${o.id}-regions`}
          label="Processing regions"
          regions={o.attributes?.regions ?? []}
          onChange={(next) => update({ regions: next })}
        />
        {ttft("typicalTtftMs")}
        {ttft("ttftP95Ms")}
      </div>
    </details>
  );
}
