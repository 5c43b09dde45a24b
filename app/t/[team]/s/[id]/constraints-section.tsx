"use client";

import type { ScenarioInputRaw } from "@/lib/engine";
import { CertBoxes, NumberField, RegionsField, Section, type SectionProps } from "./form-fields";
import { CustomConstraints } from "./custom-constraints";
import { CONSTRAINT_TITLES } from "@/lib/results/input-labels";

type Constraint = NonNullable<ScenarioInputRaw["constraints"]>[number];
type Kind = Constraint["kind"];

// The checkboxes stand for constraint kinds (a saved scenario may name its constraints anything);
// each kind comes with what a new one starts as.
const KINDS: { kind: Kind; title: string; note?: string; make: () => Constraint }[] = [
  {
    kind: "data-stays-in-our-infrastructure",
    title: CONSTRAINT_TITLES["data-stays-in-our-infrastructure"],
    note: "Removes API options unless they run inside your infrastructure.",
    make: () => ({ id: "in-house", kind: "data-stays-in-our-infrastructure" }),
  },
  {
    kind: "zero-data-retention",
    title: CONSTRAINT_TITLES["zero-data-retention"],
    note: "An API counts only if its zero retention is verified.",
    make: () => ({ id: "zdr", kind: "zero-data-retention" }),
  },
  {
    kind: "ttft-budget",
    title: CONSTRAINT_TITLES["ttft-budget"],
    note: "Options without a latency figure count as not verified.",
    make: () => ({ id: "ttft", kind: "ttft-budget", p95Ms: 2000 }),
  },
  {
    kind: "allowed-regions",
    title: CONSTRAINT_TITLES["allowed-regions"],
    make: () => ({ id: "regions", kind: "allowed-regions", regions: ["eu"] }),
  },
  {
    kind: "certifications",
    title: CONSTRAINT_TITLES["certifications"],
    make: () => ({ id: "certs", kind: "certifications", required: ["SOC 2"] }),
  },
  {
    kind: "min-output-speed",
    title: CONSTRAINT_TITLES["min-output-speed"],
    make: () => ({ id: "speed", kind: "min-output-speed", tokensPerSecond: 30 }),
  },
  {
    kind: "min-quality",
    title: CONSTRAINT_TITLES["min-quality"],
    note: "Options without a quality figure count as not verified.",
    make: () => ({ id: "quality", kind: "min-quality", minScore: 0.8 }),
  },
];

/** Hard requirements that remove options whatever they cost, each with its figure when it has one. */
export function ConstraintsSection({ input, set, errors }: SectionProps) {
  const constraints = input.constraints ?? [];
  const toggle = ({ kind, make }: (typeof KINDS)[number]) =>
    set((d) => {
      const list = d.constraints ?? [];
      d.constraints = list.some((c) => c.kind === kind) ? list.filter((c) => c.kind !== kind) : [...list, make()];
    });
  const edit = (ci: number, patch: Record<string, unknown>) => set((d) => void Object.assign(d.constraints![ci], patch));
  const detail = (c: Constraint, ci: number) => {
    if (c.kind === "ttft-budget" || c.kind === "min-output-speed") {
      const key = c.kind === "ttft-budget" ? "p95Ms" : "tokensPerSecond";
      const value = c.kind === "ttft-budget" ? c.p95Ms : c.tokensPerSecond;
      return (
        <NumberField key={c.id} path={`constraints.${ci}.${key}`} value={value} errors={errors} onValue={(v) => edit(ci, { [key]: v })} />
      );
    }
    if (c.kind === "min-quality")
      return (
        <NumberField
          key={c.id}
          path={`constraints.${ci}.minScore`}
          value={c.minScore}
          errors={errors}
          onValue={(v) => edit(ci, { minScore: v })}
        />
      );
    if (c.kind === "allowed-regions")
      return (
        <RegionsField
          key={c.id}
          id="constraint-regions"
          label="Allowed regions"
          regions={c.regions}
          onChange={(next) => edit(ci, { regions: next })}
        />
      );
    if (c.kind === "certifications")
      return <CertBoxes key={c.id} name="Every option must hold" held={c.required} onChange={(next) => edit(ci, { required: next })} />;
    return null;
  };
  return (
    <Section title="Constraints">
      <div className="space-y-2 text-sm">
        {KINDS.map((k) => (
          <div key={k.kind} className="space-y-2">
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={constraints.some((c) => c.kind === k.kind)} onChange={() => toggle(k)} />
              <span>
                {k.title} {k.note ? <span className="block text-xs text-gray-500">{k.note}</span> : null}
              </span>
            </label>
            {constraints.map((c, ci) => (c.kind === k.kind ? detail(c, ci) : null))}
          </div>
        ))}
        {Object.keys(errors).some((k) => /^constraints\.\d+\.(regions|required)$/.test(k)) ? (
          <p className="field-error">Name at least one allowed region and one required certification.</p>
        ) : null}
        <CustomConstraints input={input} set={set} />
      </div>
    </Section>
  );
}
