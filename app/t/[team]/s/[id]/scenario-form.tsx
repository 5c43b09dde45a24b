"use client";

import type { ScenarioInputRaw } from "@/lib/engine/schema";
import { apiOptionFromRow, selfHostOptionFromRows, uniqueOption, type PickerCatalog } from "@/lib/catalog/templates";
import { CertBoxes, NumberField, OptionCard, RegionsField, Section, type Errors, type Set } from "./form-fields";
import { SelfHostServing } from "./self-host-serving";

/** Every option of the scenario, API and self-host: option ids are unique across both lists. */
const allOptions = (d: ScenarioInputRaw) => [...(d.apiOptions ?? []), ...(d.selfHostOptions ?? [])];

export function ScenarioForm({
  input,
  set,
  errors,
  catalog,
}: {
  input: ScenarioInputRaw;
  set: Set;
  errors: Errors;
  catalog: PickerCatalog;
}) {
  const w = input.workload;
  const wf = (key: keyof typeof w, label: string, unit: string, help: string, percent = false) => (
    <NumberField
      key={key}
      path={`workload.${key}`}
      label={label}
      unit={unit}
      help={help}
      percent={percent}
      value={w[key] as number | undefined}
      errors={errors}
      onValue={(v) => set((d) => void ((d.workload as Record<string, unknown>)[key] = v))}
    />
  );
  // The checkboxes stand for constraint kinds (a saved scenario may name its constraints anything).
  type Kind = NonNullable<ScenarioInputRaw["constraints"]>[number]["kind"];
  const constraints = input.constraints ?? [];
  const hasConstraint = (kind: Kind) => constraints.some((c) => c.kind === kind);
  const toggleConstraint = (kind: Kind, make: () => NonNullable<ScenarioInputRaw["constraints"]>[number]) =>
    set((d) => {
      const list = d.constraints ?? [];
      d.constraints = list.some((c) => c.kind === kind) ? list.filter((c) => c.kind !== kind) : [...list, make()];
    });

  return (
    <div className="space-y-5" data-testid="scenario-form">
      <Section title="Workload">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {wf("requestsPerMonth", "Requests per month", "requests", "Total calls to the model in a month.")}
          {wf("inputTokensPerRequest", "Input tokens per request", "tokens", "Prompt, history and retrieved context.")}
          {wf("outputTokensPerRequest", "Output tokens per request", "tokens", "Tokens the model writes back.")}
          {wf("apiCacheReadShare", "API cache-read share", "share", "Input billed at the provider's cached price.", true)}
          {wf("selfHostPrefixCacheHitRate", "Self-host prefix-cache hits", "share", "Input your own servers need not recompute.", true)}
          {wf("peakToAverage", "Peak-to-average ratio", "×", "Busiest hour over the average active hour.")}
          {wf("activeHoursPerDay", "Active hours per day", "hours", "Hours with traffic; 24 for round the clock.")}
          {wf("batchShare", "Batch share", "share", "API traffic sent through the batch API.", true)}
          {wf("monthlyGrowth", "Monthly growth", "share", "Volume growth per month, for the projection.", true)}
          {wf("horizonMonths", "Horizon", "months", "Projection length; set-up is amortised over it.")}
        </div>
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          <NumberField
            path="people.engineerAnnualCost"
            label="Engineer annual cost"
            unit="US$/year"
            help="Loaded cost of one engineer (150,000–250,000 is common)."
            value={input.people?.engineerAnnualCost ?? 200_000}
            errors={errors}
            onValue={(v) => set((d) => void (d.people = { ...(d.people ?? {}), engineerAnnualCost: v }))}
          />
        </div>
      </Section>

      <Section title="API options">
        <div className="space-y-4">
          {(input.apiOptions ?? []).map((o, i) => (
            <OptionCard
              key={o.id}
              testId={`api-option-${o.id}`}
              label={o.label}
              onRemove={() => set((d) => void d.apiOptions!.splice(i, 1))}
            >
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
                <NumberField
                  path={`apiOptions.${i}.prices.inputPerM`}
                  label="Input"
                  unit="$/1M"
                  help="Uncached input."
                  value={o.prices.inputPerM}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.apiOptions![i].prices.inputPerM = v))}
                />
                <NumberField
                  path={`apiOptions.${i}.prices.cachedInputPerM`}
                  label="Cached input"
                  unit="$/1M"
                  help="Empty: not offered."
                  value={o.prices.cachedInputPerM}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.apiOptions![i].prices.cachedInputPerM = Number.isNaN(v) ? null : v))}
                />
                <NumberField
                  path={`apiOptions.${i}.prices.outputPerM`}
                  label="Output"
                  unit="$/1M"
                  help="Output tokens."
                  value={o.prices.outputPerM}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.apiOptions![i].prices.outputPerM = v))}
                />
                <NumberField
                  path={`apiOptions.${i}.integrationFte`}
                  label="Integration effort"
                  unit="FTE"
                  help="Engineers to integrate it."
                  value={o.integrationFte ?? 0.05}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.apiOptions![i].integrationFte = v))}
                />
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-blue-700">Compliance and latency</summary>
                <div className="mt-2 grid gap-3 sm:grid-cols-2">
                  <CertBoxes
                    name="Certifications the provider holds"
                    held={o.attributes?.certifications ?? []}
                    onChange={(next) =>
                      set((d) => void (d.apiOptions![i].attributes = { ...(d.apiOptions![i].attributes ?? {}), certifications: next }))
                    }
                  />
                  <label className="block text-xs font-medium text-gray-700">
                    Zero data retention
                    <select
                      className="field-input py-1.5"
                      value={o.attributes?.zeroDataRetention == null ? "" : String(o.attributes.zeroDataRetention)}
                      onChange={(e) =>
                        set(
                          (d) =>
                            void (d.apiOptions![i].attributes = {
                              ...(d.apiOptions![i].attributes ?? {}),
                              zeroDataRetention: e.target.value === "" ? null : e.target.value === "true",
                            }),
                        )
                      }
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
                    onChange={(next) =>
                      set((d) => void (d.apiOptions![i].attributes = { ...(d.apiOptions![i].attributes ?? {}), regions: next }))
                    }
                  />
                  <NumberField
                    path={`apiOptions.${i}.attributes.typicalTtftMs`}
                    label="Time to first token, median (p50)"
                    unit="ms"
                    help="Empty: not verified."
                    value={o.attributes?.typicalTtftMs ?? null}
                    errors={errors}
                    onValue={(v) =>
                      set(
                        (d) =>
                          void (d.apiOptions![i].attributes = {
                            ...(d.apiOptions![i].attributes ?? {}),
                            typicalTtftMs: Number.isNaN(v) ? null : v,
                          }),
                      )
                    }
                  />
                  <NumberField
                    path={`apiOptions.${i}.attributes.ttftP95Ms`}
                    label="Time to first token, p95"
                    unit="ms"
                    help="What a p95 budget is checked against. Empty: not verified."
                    value={o.attributes?.ttftP95Ms ?? null}
                    errors={errors}
                    onValue={(v) =>
                      set(
                        (d) =>
                          void (d.apiOptions![i].attributes = {
                            ...(d.apiOptions![i].attributes ?? {}),
                            ttftP95Ms: Number.isNaN(v) ? null : v,
                          }),
                      )
                    }
                  />
                </div>
              </details>
            </OptionCard>
          ))}
          <label className="block text-xs text-gray-700">
            Add an API model from the catalog ({catalog.label})
            <select
              className="field-input py-1.5"
              value=""
              onChange={(e) => {
                const row = catalog.api[Number(e.target.value)];
                if (!row) return;
                set((d) => void (d.apiOptions = [...(d.apiOptions ?? []), uniqueOption(apiOptionFromRow(row), allOptions(d))]));
              }}
            >
              <option value="">Choose a model…</option>
              {catalog.api.map((p, i) => (
                <option key={`${p.provider}|${p.model}`} value={i}>
                  {p.provider} {p.model} (${p.inputPerM} / ${p.outputPerM} per 1M)
                </option>
              ))}
            </select>
          </label>
        </div>
      </Section>

      <Section title="Self-host options">
        <div className="space-y-4">
          {(input.selfHostOptions ?? []).map((o, i) => (
            <OptionCard
              key={o.id}
              testId={`self-option-${o.id}`}
              label={o.label}
              onRemove={() => set((d) => void d.selfHostOptions!.splice(i, 1))}
            >
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
                <NumberField
                  path={`selfHostOptions.${i}.gpu.pricePerGpuHour`}
                  label="GPU price"
                  unit="$/GPU-hour"
                  help={o.gpu.gpuType}
                  value={o.gpu.pricePerGpuHour}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.selfHostOptions![i].gpu.pricePerGpuHour = v))}
                />
                <NumberField
                  path={`selfHostOptions.${i}.targetUtilisation`}
                  label="Target utilisation"
                  unit="share"
                  percent
                  help="Capacity used at peak."
                  value={o.targetUtilisation ?? 0.7}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.selfHostOptions![i].targetUtilisation = v))}
                />
                <NumberField
                  path={`selfHostOptions.${i}.failoverReplicas`}
                  label="Failover replicas"
                  unit="replicas"
                  help="Spares kept running."
                  value={o.failoverReplicas ?? 1}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.selfHostOptions![i].failoverReplicas = v))}
                />
                <NumberField
                  path={`selfHostOptions.${i}.engineeringFte`}
                  label="Engineering"
                  unit="FTE"
                  help="People running the stack."
                  value={o.engineeringFte ?? 0.2}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.selfHostOptions![i].engineeringFte = v))}
                />
                <label className="block text-xs font-medium text-gray-700">
                  Weights
                  <select
                    className="field-input py-1.5"
                    value={o.weightPrecision ?? "bf16"}
                    onChange={(e) => set((d) => void (d.selfHostOptions![i].weightPrecision = e.target.value as "bf16"))}
                  >
                    <option value="bf16">bf16 (2 bytes)</option>
                    <option value="fp8">fp8 (1 byte)</option>
                    <option value="int4">int4 (½ byte)</option>
                  </select>
                </label>
                <label className="block text-xs font-medium text-gray-700">
                  Billing
                  <select
                    className="field-input py-1.5"
                    value={o.billingMode ?? "always-on"}
                    onChange={(e) => set((d) => void (d.selfHostOptions![i].billingMode = e.target.value as "always-on"))}
                  >
                    <option value="always-on">Always on</option>
                    <option value="active-window">Active window</option>
                    <option value="scale-to-zero">Scale to zero</option>
                  </select>
                </label>
                <NumberField
                  path={`selfHostOptions.${i}.minReplicas`}
                  label="Minimum replicas"
                  unit="replicas"
                  help="Kept running at all times."
                  value={o.minReplicas ?? 2}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.selfHostOptions![i].minReplicas = v))}
                />
                <NumberField
                  path={`selfHostOptions.${i}.setupEngineerWeeks`}
                  label="Set-up"
                  unit="engineer-weeks"
                  help="One-time, amortised."
                  value={o.setupEngineerWeeks ?? 6}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.selfHostOptions![i].setupEngineerWeeks = v))}
                />
                <NumberField
                  path={`selfHostOptions.${i}.modelSwitchesPerYear`}
                  label="Model switches"
                  unit="per year"
                  help="New model versions adopted."
                  value={o.modelSwitchesPerYear ?? 2}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.selfHostOptions![i].modelSwitchesPerYear = v))}
                />
                <NumberField
                  path={`selfHostOptions.${i}.weeksPerSwitch`}
                  label="Work per switch"
                  unit="engineer-weeks"
                  help="Evaluate, tune, roll out."
                  value={o.weeksPerSwitch ?? 2}
                  errors={errors}
                  onValue={(v) => set((d) => void (d.selfHostOptions![i].weeksPerSwitch = v))}
                />
                {(o.overhead?.mode ?? "percent") === "percent" ? (
                  <NumberField
                    path={`selfHostOptions.${i}.overhead.percentOfGpu`}
                    label="Infrastructure overhead"
                    unit="share"
                    percent
                    help="Networking, storage, load balancing, observability."
                    value={o.overhead?.mode === "percent" ? (o.overhead.percentOfGpu ?? 0.15) : 0.15}
                    errors={errors}
                    onValue={(v) => set((d) => void (d.selfHostOptions![i].overhead = { mode: "percent", percentOfGpu: v }))}
                  />
                ) : null}
                <label className="block text-xs font-medium text-gray-700">
                  KV cache
                  <select
                    className="field-input py-1.5"
                    value={o.kvPrecision ?? "bf16"}
                    onChange={(e) => set((d) => void (d.selfHostOptions![i].kvPrecision = e.target.value as "bf16"))}
                  >
                    <option value="bf16">bf16 (2 bytes)</option>
                    <option value="fp8">fp8 (1 byte)</option>
                  </select>
                </label>
              </div>
              <SelfHostServing option={o} index={i} set={set} errors={errors} catalog={catalog} />
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-blue-700">Compliance</summary>
                <div className="mt-2 grid gap-3 sm:grid-cols-2">
                  <CertBoxes
                    name="Certifications our infrastructure holds"
                    held={o.certifications ?? []}
                    onChange={(next) => set((d) => void (d.selfHostOptions![i].certifications = next))}
                  />
                  <RegionsField
                    id={`self-${o.id}-regions`}
                    label="GPU regions"
                    regions={o.gpu.regions ?? []}
                    onChange={(next) => set((d) => void (d.selfHostOptions![i].gpu.regions = next))}
                  />
                </div>
              </details>
            </OptionCard>
          ))}
          <AddSelfHost
            catalog={catalog}
            onAdd={(option) => set((d) => void (d.selfHostOptions = [...(d.selfHostOptions ?? []), uniqueOption(option, allOptions(d))]))}
          />
        </div>
      </Section>

      <Section title="Decision rules">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <NumberField
            path="settings.closeCallMargin"
            label="Close-call margin"
            unit="share"
            percent
            help="Within this gap the API wins, for flexibility."
            value={input.settings?.closeCallMargin ?? 0.15}
            errors={errors}
            onValue={(v) => set((d) => void (d.settings = { ...(d.settings ?? {}), closeCallMargin: v }))}
          />
          <NumberField
            path="settings.sloOutputTokensPerSecond"
            label="Self-host speed target"
            unit="tokens/s per stream"
            help="Batches are sized so each stream gets at least this."
            value={input.settings?.sloOutputTokensPerSecond ?? 20}
            errors={errors}
            onValue={(v) => set((d) => void (d.settings = { ...(d.settings ?? {}), sloOutputTokensPerSecond: v }))}
          />
        </div>
      </Section>

      <Section title="Constraints">
        <div className="space-y-2 text-sm">
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={hasConstraint("data-stays-in-our-infrastructure")}
              onChange={() =>
                toggleConstraint("data-stays-in-our-infrastructure", () => ({ id: "in-house", kind: "data-stays-in-our-infrastructure" }))
              }
            />
            <span>
              Data must not leave our infrastructure{" "}
              <span className="block text-xs text-gray-500">Removes API options unless they run inside your infrastructure.</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={hasConstraint("zero-data-retention")}
              onChange={() => toggleConstraint("zero-data-retention", () => ({ id: "zdr", kind: "zero-data-retention" }))}
            />
            <span>
              Zero data retention <span className="block text-xs text-gray-500">An API counts only if its zero retention is verified.</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={hasConstraint("ttft-budget")}
              onChange={() => toggleConstraint("ttft-budget", () => ({ id: "ttft", kind: "ttft-budget", p95Ms: 2000 }))}
            />
            <span>
              p95 time to first token within a budget{" "}
              <span className="block text-xs text-gray-500">Options without a latency figure count as not verified.</span>
            </span>
          </label>
          {constraints.map((c, ci) =>
            c.kind === "ttft-budget" ? (
              <NumberField
                key={c.id}
                path={`constraints.${ci}.p95Ms`}
                label="TTFT budget, p95"
                unit="ms"
                help="Time to first token the product can afford."
                value={c.p95Ms}
                errors={errors}
                onValue={(v) => set((d) => void ((d.constraints![ci] as { p95Ms: number }).p95Ms = v))}
              />
            ) : null,
          )}
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={hasConstraint("allowed-regions")}
              onChange={() => toggleConstraint("allowed-regions", () => ({ id: "regions", kind: "allowed-regions", regions: ["eu"] }))}
            />
            <span>Data processed only in allowed regions</span>
          </label>
          {constraints.map((c, ci) =>
            c.kind === "allowed-regions" ? (
              <RegionsField
                key={c.id}
                id="constraint-regions"
                label="Allowed regions"
                regions={c.regions}
                onChange={(next) => set((d) => void ((d.constraints![ci] as { regions: string[] }).regions = next))}
              />
            ) : null,
          )}
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={hasConstraint("certifications")}
              onChange={() => toggleConstraint("certifications", () => ({ id: "certs", kind: "certifications", required: ["SOC 2"] }))}
            />
            <span>Required certifications</span>
          </label>
          {constraints.map((c, ci) =>
            c.kind === "certifications" ? (
              <CertBoxes
                key={c.id}
                name="Every option must hold"
                held={c.required}
                onChange={(next) => set((d) => void ((d.constraints![ci] as { required: string[] }).required = next))}
              />
            ) : null,
          )}
          {Object.keys(errors).some((k) => /^constraints\.\d+\.(regions|required)$/.test(k)) ? (
            <p className="field-error">Name at least one allowed region and one required certification.</p>
          ) : null}
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={hasConstraint("min-output-speed")}
              onChange={() => toggleConstraint("min-output-speed", () => ({ id: "speed", kind: "min-output-speed", tokensPerSecond: 30 }))}
            />
            <span>Minimum output speed per stream</span>
          </label>
          {constraints.map((c, ci) =>
            c.kind === "min-output-speed" ? (
              <NumberField
                key={c.id}
                path={`constraints.${ci}.tokensPerSecond`}
                label="Output speed"
                unit="tokens/s per stream"
                help="How fast a user sees text appear."
                value={c.tokensPerSecond}
                errors={errors}
                onValue={(v) => set((d) => void ((d.constraints![ci] as { tokensPerSecond: number }).tokensPerSecond = v))}
              />
            ) : null,
          )}
          <CustomConstraints input={input} set={set} />
        </div>
      </Section>
    </div>
  );
}

/** A requirement the engine cannot check, with the team's verdict per option. */
function CustomConstraints({ input, set }: { input: ScenarioInputRaw; set: Set }) {
  const options = [...(input.apiOptions ?? []), ...(input.selfHostOptions ?? [])];
  const customs = (input.constraints ?? []).map((c, i) => [c, i] as const).filter(([c]) => c.kind === "custom");
  return (
    <div className="space-y-3 border-t border-gray-100 pt-2">
      {customs.map(([c, ci]) =>
        c.kind === "custom" ? (
          <div key={c.id} className="rounded-md border border-gray-100 p-2 text-xs">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{c.label}</span>
              <button type="button" className="text-red-700 hover:underline" onClick={() => set((d) => void d.constraints!.splice(ci, 1))}>
                Remove
              </button>
            </div>
            {options.map((o) => (
              <label key={o.id} className="mt-1 flex min-w-0 items-center justify-between gap-2">
                <span className="min-w-0 truncate">{o.label}</span>
                <select
                  aria-label={`${c.label}: ${o.label}`}
                  className="rounded border border-gray-300 px-1 py-0.5"
                  value={c.verdicts?.[o.id] ?? "unknown"}
                  onChange={(e) =>
                    set(
                      (d) =>
                        void ((d.constraints![ci] as { verdicts: Record<string, string> }).verdicts = {
                          ...((d.constraints![ci] as { verdicts?: Record<string, string> }).verdicts ?? {}),
                          [o.id]: e.target.value,
                        }),
                    )
                  }
                >
                  <option value="unknown">not assessed</option>
                  <option value="pass">meets it</option>
                  <option value="fail">fails it</option>
                </select>
              </label>
            ))}
          </div>
        ) : null,
      )}
      <form
        className="flex min-w-0 gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const label = String(f.get("label") ?? "").trim();
          if (!label) return;
          set(
            (d) =>
              void (d.constraints = [
                ...(d.constraints ?? []),
                { id: `custom-${Date.now().toString(36)}`, kind: "custom", label, verdicts: {} },
              ]),
          );
          e.currentTarget.reset();
        }}
      >
        <label className="min-w-0 flex-1 text-xs">
          <span className="sr-only">Custom requirement</span>
          <input name="label" className="field-input mt-0 py-1.5" placeholder="Custom requirement, e.g. Legal sign-off" maxLength={120} />
        </label>
        <button type="submit" className="btn-secondary py-1 text-xs">
          Add
        </button>
      </form>
    </div>
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
            </option>
          ))}
        </select>
      </label>
      <label className="block text-gray-700">
        Weights
        <select name="precision" className="field-input py-1.5">
          <option value="bf16">bf16</option>
          <option value="fp8">fp8</option>
          <option value="int4">int4</option>
        </select>
      </label>
      <button type="submit" className="btn-secondary sm:col-span-3">
        Add self-host option
      </button>
    </form>
  );
}
