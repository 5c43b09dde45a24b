"use client";

// The workload's 24-hour profile: typed as 24 numbers, kept from a usage import, or absent (the
// day is then generated from the peak ratio and active hours). When present it decides those two.
import { useState } from "react";
import { profileShape } from "@/lib/engine";
import { NumberField, useReadOnly, type SectionProps } from "./form-fields";

const HOURS = 24;
const round2 = (x: number) => Math.round(x * 100) / 100;
const formatValue = (v: number) => String(Math.round(v * 100000) / 100000);

/** The numbers typed, or null for none; the schema says what is wrong with them (count, sign). */
function parseProfile(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  return parts.length ? parts.map(Number) : null;
}

const usable = (p: readonly number[] | null | undefined): p is number[] =>
  !!p && p.length === HOURS && p.every((v) => Number.isFinite(v) && v >= 0) && p.some((v) => v > 0);

/** The peak ratio (to two decimals) and active hours a valid profile implies; null otherwise. */
export function profileShapeOf(p: readonly number[] | null | undefined) {
  if (!usable(p)) return null;
  const shape = profileShape(p);
  return { peakToAverage: round2(shape.peakToAverage), activeHoursPerDay: shape.activeHoursPerDay };
}

function ProfileBars({ values }: { values: number[] }) {
  const max = Math.max(...values) || 1;
  return (
    <svg width="100%" height="44" viewBox={`0 0 ${HOURS * 10} 44`} preserveAspectRatio="none" role="img" aria-label="24-hour profile">
      {values.map((v, h) => (
        <rect key={h} x={h * 10 + 1} y={40 - (v / max) * 38} width={8} height={(v / max) * 38 + 0.5} className="fill-blue-500" />
      ))}
      <line x1="0" x2={HOURS * 10} y1="40.5" y2="40.5" className="stroke-gray-300" />
    </svg>
  );
}

export function ProfileField({ input, set, errors }: SectionProps) {
  const readOnly = useReadOnly();
  const profile = input.workload.hourlyProfile ?? null;
  const [text, setText] = useState(profile ? profile.map(formatValue).join(", ") : "");
  const err = Object.entries(errors).find(([k]) => k.startsWith("workload.hourlyProfile"))?.[1];
  // The typed peak ratio and active hours are kept: removing the profile brings them back.
  const apply = (values: number[] | null) => set((d) => void (d.workload.hourlyProfile = values));
  const shape = profileShapeOf(profile);
  return (
    <div className="rounded-md border border-gray-200 p-3 sm:col-span-2" data-testid="profile-field">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-gray-700">24-hour profile</span>
        {profile && !readOnly ? (
          <button
            type="button"
            className="whitespace-nowrap text-xs text-red-700 hover:underline"
            title="Back to the day generated from the peak ratio and active hours"
            onClick={() => (apply(null), setText(""))}
          >
            Remove profile
          </button>
        ) : null}
      </div>
      {shape ? (
        <>
          <ProfileBars values={profile!} />
          <p className="text-xs text-gray-600">
            Sizing, scale-to-zero, hybrid overflow and off-peak API prices follow this curve: its busiest hour is {shape.peakToAverage}× the
            mean of its {shape.activeHoursPerDay} active hours.
          </p>
        </>
      ) : profile ? null : (
        <p className="text-xs text-gray-600">
          None: the day is generated from the peak ratio and active hours. Type 24 values below, or import your usage, to use a real curve.
        </p>
      )}
      <label className="mt-2 block text-xs text-gray-700">
        Requests in each hour from midnight (24 values, any scale)
        <textarea
          className="field-input mt-1 h-14 py-1 font-mono text-xs"
          value={text}
          disabled={readOnly}
          aria-invalid={err ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            apply(parseProfile(e.target.value));
          }}
        />
      </label>
      {err ? (
        <p className="text-xs text-red-600" role="alert">
          {err.join(" ")}
        </p>
      ) : null}
      {shape ? (
        <div className="mt-2">
          <NumberField
            path="workload.profileUtcOffsetHours"
            value={input.workload.profileUtcOffsetHours ?? 0}
            errors={errors}
            onValue={(v) => set((d) => void (d.workload.profileUtcOffsetHours = v))}
          />
        </div>
      ) : null}
    </div>
  );
}
