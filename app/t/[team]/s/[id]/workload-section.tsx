"use client";

import { NumberField, Section, type SectionProps } from "./form-fields";
import { ProfileField, profileShapeOf } from "./profile-field";

/** Decided by the 24-hour profile when there is one. */
const FROM_PROFILE = new Set(["peakToAverage", "activeHoursPerDay"]);

const WORKLOAD_KEYS = [
  "requestsPerMonth",
  "inputTokensPerRequest",
  "outputTokensPerRequest",
  "apiCacheReadShare",
  "selfHostPrefixCacheHitRate",
  "peakToAverage",
  "activeHoursPerDay",
  "batchShare",
  "monthlyGrowth",
  "horizonMonths",
] as const;

/** The workload and the people cost: the figures every option shares. */
export function WorkloadSection({ input, set, errors }: SectionProps) {
  const w = input.workload as unknown as Record<string, number | undefined>;
  const shape = profileShapeOf(input.workload.hourlyProfile);
  return (
    <Section title="Workload">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {WORKLOAD_KEYS.map((key) => (
          <NumberField
            key={key}
            path={`workload.${key}`}
            value={shape && FROM_PROFILE.has(key) ? shape[key as keyof typeof shape] : w[key]}
            errors={errors}
            onValue={(v) => set((d) => void ((d.workload as Record<string, unknown>)[key] = v))}
            {...(shape && FROM_PROFILE.has(key) ? { disabled: true, help: "From the 24-hour profile below." } : {})}
          />
        ))}
        <ProfileField input={input} set={set} errors={errors} />
        <NumberField
          path="people.engineerAnnualCost"
          value={input.people?.engineerAnnualCost ?? 200_000}
          errors={errors}
          onValue={(v) => set((d) => void (d.people = { ...(d.people ?? {}), engineerAnnualCost: v }))}
        />
      </div>
    </Section>
  );
}

/** How close a call leans to the API, and the speed each self-hosted stream must get. */
export function DecisionRulesSection({ input, set, errors }: SectionProps) {
  return (
    <Section title="Decision rules">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <NumberField
          path="settings.closeCallMargin"
          value={input.settings?.closeCallMargin ?? 0.15}
          errors={errors}
          onValue={(v) => set((d) => void (d.settings = { ...(d.settings ?? {}), closeCallMargin: v }))}
        />
        <NumberField
          path="settings.sloOutputTokensPerSecond"
          value={input.settings?.sloOutputTokensPerSecond ?? 20}
          errors={errors}
          onValue={(v) => set((d) => void (d.settings = { ...(d.settings ?? {}), sloOutputTokensPerSecond: v }))}
        />
      </div>
    </Section>
  );
}
