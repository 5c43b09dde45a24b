"use client";

import type { ScenarioInputRaw } from "@/lib/engine";
import { selfHostOptionFromRows, uniqueOption, type PickerCatalog } from "@/lib/catalog/templates";
import {
  CertBoxes,
  NumberField,
  OptionCard,
  RegionsField,
  Section,
  SelectField,
  useReadOnly,
  type OptionSectionProps,
} from "./form-fields";
import { SelfHostServing } from "./self-host-serving";
import { GpuTerms } from "./gpu-terms";
import { QualityFields } from "./quality-fields";
import { allOptions } from "./api-options-section";

type Option = NonNullable<ScenarioInputRaw["selfHostOptions"]>[number];
type NumberKey =
  | "targetUtilisation"
  | "failoverReplicas"
  | "engineeringFte"
  | "minReplicas"
  | "setupEngineerWeeks"
  | "modelSwitchesPerYear"
  | "weeksPerSwitch";

// What the engine assumes when a saved option leaves a field out (DESIGN.md's defaults).
const DEFAULTS: Record<NumberKey, number> = {
  targetUtilisation: 0.7,
  failoverReplicas: 1,
  engineeringFte: 0.2,
  minReplicas: 2,
  setupEngineerWeeks: 6,
  modelSwitchesPerYear: 2,
  weeksPerSwitch: 2,
};

const PRECISIONS = [
  ["bf16", "bf16"],
  ["fp8", "fp8"],
  ["int4", "int4"],
] as const;
const BILLING = [
  ["always-on", "Always on"],
  ["active-window", "Active window"],
  ["scale-to-zero", "Scale to zero"],
] as const;

/** The self-host options: GPU price, capacity rules, people, serving and compliance per option. */
export function SelfHostOptionsSection({ input, set, errors, catalog }: OptionSectionProps) {
  const readOnly = useReadOnly();
  return (
    <Section title="Self-host options">
      <div className="space-y-4">
        {(input.selfHostOptions ?? []).map((o, i) => (
          <SelfHostCard key={o.id} option={o} index={i} set={set} errors={errors} catalog={catalog} />
        ))}
        {readOnly ? null : (
          <AddSelfHost
            catalog={catalog}
            onAdd={(option) => set((d) => void (d.selfHostOptions = [...(d.selfHostOptions ?? []), uniqueOption(option, allOptions(d))]))}
          />
        )}
      </div>
    </Section>
  );
}

function AddSelfHost({ catalog, onAdd }: { catalog: PickerCatalog; onAdd: (option: ReturnType<typeof selfHostOptionFromRows>) => void }) {
  return (
    <form
      className="grid grid-cols-1 gap-2 text-xs sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const model = catalog.models[Number(f.get("model"))];
        const offer = catalog.gpu[Number(f.get("offer"))];
        if (model && offer) onAdd(selfHostOptionFromRows(model, offer, { weightPrecision: String(f.get("precision")) }));
      }}
    >
      <label className="block text-gray-700">
        Open model
        <select name="model" className="field-input py-1.5">
          {catalog.models.map((m, i) => (
            <option key={m.name} value={i}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-gray-700">
        GPU offer
        <select name="offer" className="field-input py-1.5">
          {catalog.gpu.map((o, i) => (
            <option key={`${o.gpuType}|${o.provider}|${i}`} value={i}>
              {o.gpuType} · {o.provider} · ${o.pricePerGpuHour}/h{o.minGpus > 1 ? ` (in ${o.minGpus}s)` : ""}
              {o.provisioning && o.provisioning !== "on_demand" ? ` · ${o.provisioning.replace("_", " ")}` : ""}
              {o.tenancy === "community" ? " · community" : ""}
              {o.regions?.length ? ` · ${o.regions.join("/")}` : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-gray-700">
        Weights
        <select name="precision" className="field-input py-1.5">
          {PRECISIONS.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary sm:col-span-3">
        Add self-host option
      </button>
    </form>
  );
}

type Edit = (mutate: (d: Option) => void) => void;

/** One self-host option: capacity rules, GPU terms, quality, serving and compliance. */
function SelfHostCard({
  option: o,
  index: i,
  set,
  errors,
  catalog,
}: { option: Option; index: number } & Pick<OptionSectionProps, "set" | "errors" | "catalog">) {
  const edit: Edit = (mutate) => set((d) => mutate(d.selfHostOptions![i]));
  return (
    <OptionCard key={o.id} testId={`self-option-${o.id}`} label={o.label} onRemove={() => set((d) => void d.selfHostOptions!.splice(i, 1))}>
      <CapacityFields option={o} index={i} edit={edit} errors={errors} />
      <GpuTerms option={o} index={i} edit={edit} errors={errors} />
      <QualityFields
        at={`selfHostOptions.${i}`}
        quality={o.quality}
        errors={errors}
        onChange={(next) => edit((d) => void (d.quality = next))}
      />
      <SelfHostServing option={o} index={i} set={set} errors={errors} catalog={catalog} />
      <details className="mt-2">
        <summary className="cursor-pointer text-xs text-blue-700">Compliance</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <CertBoxes
            name="Certifications our infrastructure holds"
            held={o.certifications ?? []}
            onChange={(next) => edit((d) => void (d.certifications = next))}
          />
          <RegionsField
            id={`self-${o.id}-regions`}
            label="GPU regions"
            regions={o.gpu.regions ?? []}
            onChange={(next) => edit((d) => void (d.gpu.regions = next))}
          />
        </div>
      </details>
    </OptionCard>
  );
}

/** The GPU price (rented), utilisation, spares, people, precision and billing of an option. */
function CapacityFields({
  option: o,
  index: i,
  edit,
  errors,
}: {
  option: Option;
  index: number;
  edit: Edit;
  errors: OptionSectionProps["errors"];
}) {
  const owned = o.hosting?.kind === "owned";
  const num = (key: NumberKey) => (
    <NumberField
      path={`selfHostOptions.${i}.${key}`}
      value={o[key] ?? DEFAULTS[key]}
      errors={errors}
      onValue={(v) => edit((d) => void (d[key] = v))}
    />
  );
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4 xl:grid-cols-2">
      {owned ? null : (
        <NumberField
          path={`selfHostOptions.${i}.gpu.pricePerGpuHour`}
          help={o.gpu.gpuType}
          value={o.gpu.pricePerGpuHour}
          errors={errors}
          onValue={(v) => edit((d) => void (d.gpu.pricePerGpuHour = v))}
        />
      )}
      {num("targetUtilisation")}
      {num("failoverReplicas")}
      {num("engineeringFte")}
      <SelectField
        path={`selfHostOptions.${i}.weightPrecision`}
        value={o.weightPrecision ?? "bf16"}
        choices={PRECISIONS}
        onValue={(v) => edit((d) => void (d.weightPrecision = v))}
      />
      <SelectField
        path={`selfHostOptions.${i}.kvPrecision`}
        value={o.kvPrecision ?? "bf16"}
        choices={PRECISIONS.slice(0, 2)}
        onValue={(v) => edit((d) => void (d.kvPrecision = v as "bf16"))}
      />
      {owned ? null : (
        <SelectField
          path={`selfHostOptions.${i}.billingMode`}
          value={o.billingMode ?? "always-on"}
          choices={BILLING}
          onValue={(v) => edit((d) => void (d.billingMode = v))}
        />
      )}
      {num("minReplicas")}
      {num("setupEngineerWeeks")}
      {num("modelSwitchesPerYear")}
      {num("weeksPerSwitch")}
      {(o.overhead?.mode ?? "percent") === "percent" ? (
        <NumberField
          path={`selfHostOptions.${i}.overhead.percentOfGpu`}
          value={o.overhead?.mode === "percent" ? (o.overhead.percentOfGpu ?? 0.15) : 0.15}
          errors={errors}
          onValue={(v) => edit((d) => void (d.overhead = { mode: "percent", percentOfGpu: v }))}
        />
      ) : null}
    </div>
  );
}
