"use client";

// An API option's service tier and off-peak prices (a window of the day in UTC, priced against
// the workload's 24-hour profile).
import type { ScenarioInputRaw } from "@/lib/engine";
import { NumberField, SelectField, type Errors } from "./form-fields";

type ApiOption = NonNullable<ScenarioInputRaw["apiOptions"]>[number];
type OffPeak = NonNullable<NonNullable<ApiOption["prices"]["offPeak"]>>;

const TIERS = [
  ["standard", "Standard"],
  ["priority", "Priority (faster, dearer)"],
  ["flex", "Flex (cheaper, no latency commitment)"],
  ["batch", "Batch (asynchronous)"],
] as const;

export function ApiPricingTerms(props: {
  option: ApiOption;
  index: number;
  errors: Errors;
  setTier: (tier: (typeof TIERS)[number][0]) => void;
  setOffPeak: (offPeak: OffPeak | null) => void;
}) {
  const { option: o, index: i, errors } = props;
  const off = o.prices.offPeak ?? null;
  const field = (key: "startHourUtc" | "endHourUtc" | "inputPerM" | "outputPerM") => (
    <NumberField
      path={`apiOptions.${i}.prices.offPeak.${key}`}
      value={off?.[key]}
      errors={errors}
      onValue={(v) => off && props.setOffPeak({ ...off, [key]: v })}
    />
  );
  return (
    <details className="mt-2" open={(o.serviceTier ?? "standard") !== "standard" || off != null || undefined}>
      <summary className="cursor-pointer text-xs text-blue-700">Service tier and off-peak prices</summary>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <SelectField path={`apiOptions.${i}.serviceTier`} value={o.serviceTier ?? "standard"} choices={TIERS} onValue={props.setTier} />
        <label className="flex items-center gap-2 self-end text-xs text-gray-700">
          <input
            type="checkbox"
            checked={off != null}
            onChange={(e) =>
              props.setOffPeak(
                e.target.checked
                  ? {
                      startHourUtc: 16.5,
                      endHourUtc: 0.5,
                      inputPerM: o.prices.inputPerM,
                      cachedInputPerM: null,
                      outputPerM: o.prices.outputPerM,
                    }
                  : null,
              )
            }
          />
          Cheaper prices in off-peak hours
        </label>
        {off ? (
          <>
            {field("startHourUtc")}
            {field("endHourUtc")}
            {field("inputPerM")}
            {field("outputPerM")}
          </>
        ) : null}
      </div>
    </details>
  );
}
