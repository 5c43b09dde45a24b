"use client";

// Where a self-host option's GPUs run and how they are paid for: the tenancy that decides
// "data must not leave our infrastructure", and on-demand, committed or spot terms.
import type { GpuPricing, ScenarioInputRaw, Tenancy } from "@/lib/engine";
import { NumberField, SelectField, useReadOnly } from "./form-fields";
import { OwnedHardwareFields, startingOwned } from "./owned-hardware-fields";

type Option = NonNullable<ScenarioInputRaw["selfHostOptions"]>[number];
type Errors = Record<string, string[]>;

const TENANCY_CHOICES: readonly (readonly [Tenancy, string])[] = [
  ["on-prem", "On-prem"],
  ["dedicated", "Dedicated"],
  ["shared-cloud", "Shared cloud"],
  ["community", "Community"],
];

const HOSTING_CHOICES = [
  ["rented", "Rented GPUs"],
  ["owned", "Owned servers"],
] as const;

const PRICING_CHOICES: readonly (readonly [GpuPricing["kind"], string])[] = [
  ["on-demand", "On demand"],
  ["committed", "Committed"],
  ["spot", "Spot"],
];

// Starting terms when the kind changes: a 1-year commitment of today's GPUs at a typical discount,
// or spot at a typical discount; the team edits them.
function startingTerms(kind: GpuPricing["kind"], option: Option): GpuPricing {
  switch (kind) {
    case "committed":
      return { kind, termMonths: 12, committedGpus: Math.max(1, option.gpu.minGpus ?? 1), discount: 0.3, upfrontShare: 0 };
    case "spot":
      return { kind, discount: 0.5, interruptionRate: 0.05 };
    default:
      return { kind: "on-demand" };
  }
}

export function GpuTerms({
  option,
  index,
  edit,
  errors,
}: {
  option: Option;
  index: number;
  edit: (mutate: (d: Option) => void) => void;
  errors: Errors;
}) {
  const readOnly = useReadOnly();
  const tenancy = option.gpu.tenancy ?? "shared-cloud";
  const pricing: GpuPricing = (option.pricing as GpuPricing | undefined) ?? { kind: "on-demand" };
  const at = `selfHostOptions.${index}`;
  const hosting = option.hosting ?? { kind: "rented" as const };
  return (
    <div className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-4 xl:grid-cols-2" data-testid={`gpu-terms-${option.id}`}>
      <SelectField
        path={`${at}.hosting.kind`}
        value={hosting.kind}
        choices={HOSTING_CHOICES}
        onValue={(v) =>
          edit((d) => {
            if (v === "owned") {
              d.hosting = startingOwned(d.gpu.gpuType);
              d.billingMode = "always-on";
              d.pricing = { kind: "on-demand" };
              d.gpu.tenancy = "on-prem";
              d.dedicatedIsOurInfrastructure = false;
            } else {
              d.hosting = { kind: "rented" };
              d.gpu.tenancy = "shared-cloud";
            }
          })
        }
      />
      {hosting.kind === "owned" ? (
        <OwnedHardwareFields
          owned={hosting}
          gpuType={option.gpu.gpuType}
          at={at}
          errors={errors}
          edit={(mutate) => edit((d) => void (d.hosting?.kind === "owned" && mutate(d.hosting)))}
        />
      ) : (
        <RentedTerms option={option} at={at} tenancy={tenancy} pricing={pricing} edit={edit} errors={errors} readOnly={readOnly} />
      )}
      {errors[`${at}.pricing.kind`] ? (
        <p className="col-span-2 text-xs text-red-700" role="alert">
          {errors[`${at}.pricing.kind`].join(" ")}
        </p>
      ) : null}
      {errors[`${at}.billingMode`] ? (
        <p className="col-span-2 text-xs text-red-700" role="alert">
          {errors[`${at}.billingMode`].join(" ")}
        </p>
      ) : null}
      {errors[`${at}.dedicatedIsOurInfrastructure`] ? (
        <p className="col-span-2 text-xs text-red-700" role="alert">
          {errors[`${at}.dedicatedIsOurInfrastructure`].join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function RentedTerms({
  option,
  at,
  tenancy,
  pricing,
  edit,
  errors,
  readOnly,
}: {
  option: Option;
  at: string;
  tenancy: Tenancy;
  pricing: GpuPricing;
  edit: (mutate: (d: Option) => void) => void;
  errors: Errors;
  readOnly: boolean;
}) {
  const term = (key: "termMonths" | "committedGpus" | "discount" | "upfrontShare" | "interruptionRate", value: number) => (
    <NumberField
      path={`${at}.pricing.${key}`}
      value={value}
      errors={errors}
      onValue={(v) => edit((d) => void ((d.pricing as Record<string, unknown>)[key] = v))}
    />
  );
  return (
    <>
      <SelectField
        path={`${at}.gpu.tenancy`}
        value={tenancy}
        choices={TENANCY_CHOICES}
        onValue={(v) =>
          edit((d) => {
            d.gpu.tenancy = v;
            if (v !== "dedicated") d.dedicatedIsOurInfrastructure = false;
          })
        }
      />
      <SelectField
        path={`${at}.pricing.kind`}
        value={pricing.kind}
        choices={PRICING_CHOICES}
        onValue={(v) => edit((d) => void (d.pricing = startingTerms(v, d)))}
      />
      {tenancy === "dedicated" ? (
        <label className="col-span-2 flex items-start gap-2 text-xs text-gray-700">
          <input
            type="checkbox"
            className="mt-0.5"
            disabled={readOnly}
            checked={option.dedicatedIsOurInfrastructure ?? false}
            onChange={(e) => edit((d) => void (d.dedicatedIsOurInfrastructure = e.target.checked))}
          />
          <span>Count this dedicated hardware as ours (a stated assumption, shown with the verdicts it decides)</span>
        </label>
      ) : null}
      {pricing.kind === "committed" ? (
        <>
          {term("termMonths", pricing.termMonths)}
          {term("committedGpus", pricing.committedGpus)}
          {term("discount", pricing.discount)}
          {term("upfrontShare", pricing.upfrontShare ?? 0)}
        </>
      ) : null}
      {pricing.kind === "spot" ? (
        <>
          {term("discount", pricing.discount)}
          {term("interruptionRate", pricing.interruptionRate)}
        </>
      ) : null}
    </>
  );
}
