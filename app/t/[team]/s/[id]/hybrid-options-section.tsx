"use client";

// Hybrid options: a self-host option's replicas for the base load and an API option for the
// overflow; the engine chooses the replica count. The day's load profile is typed here or
// generated from the peak ratio and active hours.
import type { ScenarioInputRaw } from "@/lib/engine";
import { NumberField, OptionCard, Section, useReadOnly, type SectionProps } from "./form-fields";

type Hybrid = NonNullable<ScenarioInputRaw["hybridOptions"]>[number];
type Routing = NonNullable<ScenarioInputRaw["routingOptions"]>[number];

function Pick({
  label,
  value,
  choices,
  onValue,
}: {
  label: string;
  value: string;
  choices: { id: string; label: string }[];
  onValue: (id: string) => void;
}) {
  return (
    <label className="block text-xs font-medium text-gray-700">
      {label}
      <select className="field-input py-1.5" value={value} onChange={(e) => onValue(e.target.value)}>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Errors of an option's fields that have no input of their own to show them (ids that name nothing). */
function FieldErrors({ errors, prefix, except }: { errors: Record<string, string[]>; prefix: string; except?: string }) {
  return Object.entries(errors)
    .filter(([k]) => k.startsWith(prefix) && !(except && k.endsWith(except)))
    .map(([k, v]) => (
      <p key={k} className="mt-1 text-xs text-red-700" role="alert">
        {v.join(" ")}
      </p>
    ));
}

export function HybridOptionsSection(props: SectionProps) {
  const { input, set, errors } = props;
  const readOnly = useReadOnly();
  const selves = (input.selfHostOptions ?? []).map((o) => ({ id: o.id, label: o.label }));
  const apis = (input.apiOptions ?? []).map((o) => ({ id: o.id, label: o.label }));
  const hybrids = input.hybridOptions ?? [];
  const edit = (i: number, patch: Partial<Hybrid>) => set((d) => void Object.assign(d.hybridOptions![i], patch));
  const add = () =>
    set((d) => {
      const list = d.hybridOptions ?? [];
      let n = list.length + 1;
      while (list.some((h) => h.id === `hybrid-${n}`)) n++;
      d.hybridOptions = [
        ...list,
        {
          id: `hybrid-${n}`,
          label: `Hybrid ${n}: ${selves[0].label} + ${apis[0].label}`.slice(0, 120),
          selfHostId: selves[0].id,
          apiId: apis[0].id,
        },
      ];
    });
  return (
    <Section title="Hybrid and routing options">
      <p className="mb-3 text-xs text-gray-600">
        Self-hosted replicas take the load hour by hour up to their capacity; an API takes what is above. The engine prices every replica
        count and keeps the cheapest.
      </p>
      <div className="space-y-4">
        {hybrids.map((h, i) => (
          <OptionCard
            key={h.id}
            testId={`hybrid-option-${h.id}`}
            label={h.label}
            onRemove={() => set((d) => void d.hybridOptions!.splice(i, 1))}
          >
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <Pick label="Replicas of" value={h.selfHostId} choices={selves} onValue={(id) => edit(i, { selfHostId: id })} />
              <Pick label="Overflow to" value={h.apiId} choices={apis} onValue={(id) => edit(i, { apiId: id })} />
            </div>
            <FieldErrors errors={errors} prefix={`hybridOptions.${i}.`} />
          </OptionCard>
        ))}
        {readOnly || !selves.length || !apis.length ? null : (
          <button type="button" className="btn-secondary" onClick={add}>
            Add hybrid option
          </button>
        )}
      </div>
      <p className="mt-3 text-xs text-gray-600">Hybrid options follow the workload&apos;s 24-hour profile (under Workload).</p>
      <RoutingOptions {...props} />
    </Section>
  );
}

/** Routing options: a share of requests to a self-host option, the rest to an API option. */
function RoutingOptions({ input, set, errors }: SectionProps) {
  const readOnly = useReadOnly();
  const selves = (input.selfHostOptions ?? []).map((o) => ({ id: o.id, label: o.label }));
  const apis = (input.apiOptions ?? []).map((o) => ({ id: o.id, label: o.label }));
  const routings = input.routingOptions ?? [];
  const edit = (i: number, patch: Partial<Routing>) => set((d) => void Object.assign(d.routingOptions![i], patch));
  const add = () =>
    set((d) => {
      const list = d.routingOptions ?? [];
      let n = list.length + 1;
      while (list.some((r) => r.id === `routing-${n}`)) n++;
      d.routingOptions = [
        ...list,
        { id: `routing-${n}`, label: `Routing ${n}`, selfHostId: selves[0].id, apiId: apis[0].id, selfShare: 0.5 },
      ];
    });
  return (
    <div className="mt-4 space-y-4">
      <p className="text-xs text-gray-600">Routing: a share of requests goes to a self-hosted model, the rest to an API.</p>
      {routings.map((r, i) => (
        <OptionCard
          key={r.id}
          testId={`routing-option-${r.id}`}
          label={r.label}
          onRemove={() => set((d) => void d.routingOptions!.splice(i, 1))}
        >
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Pick label="Self-hosted model" value={r.selfHostId} choices={selves} onValue={(id) => edit(i, { selfHostId: id })} />
            <Pick label="API for the rest" value={r.apiId} choices={apis} onValue={(id) => edit(i, { apiId: id })} />
            <NumberField
              path={`routingOptions.${i}.selfShare`}
              value={r.selfShare}
              errors={errors}
              onValue={(v) => edit(i, { selfShare: v })}
            />
          </div>
          {/* The share field shows its own error. */}
          <FieldErrors errors={errors} prefix={`routingOptions.${i}.`} except=".selfShare" />
        </OptionCard>
      ))}
      {readOnly || !selves.length || !apis.length ? null : (
        <button type="button" className="btn-secondary" onClick={add}>
          Add routing option
        </button>
      )}
    </div>
  );
}
