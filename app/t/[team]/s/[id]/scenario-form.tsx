"use client";

import type { ScenarioInputRaw } from "@/lib/engine/schema";
import { REFERENCE_API_PRICES, REFERENCE_GPU_OFFERS, REFERENCE_OPEN_MODELS } from "@/lib/catalog/reference-catalog";
import { apiOptionFor, selfHostOptionFor } from "@/lib/catalog/templates";

type Errors = Record<string, string[]>;
type Set = (mutate: (draft: ScenarioInputRaw) => void) => void;

type FieldProps = {
  path: string;
  label: string;
  unit: string;
  help: string;
  value: number | null | undefined;
  onValue: (v: number) => void;
  percent?: boolean;
  errors: Errors;
  step?: string;
};

/** A number field with its unit, a help line and its field-level error, keyed by the input path. */
function NumberField({ path, label, unit, help, value, onValue, percent, errors, step }: FieldProps) {
  const id = `f-${path.replace(/\./g, "-")}`;
  const err = errors[path];
  const shown = value == null ? "" : percent ? String(Math.round(value * 10000) / 100) : String(value);
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label} <span className="font-normal text-gray-500">({percent ? "%" : unit})</span>
      </label>
      <input
        id={id}
        name={path}
        type="number"
        inputMode="decimal"
        step={step ?? "any"}
        defaultValue={shown}
        aria-invalid={err ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const raw = e.target.value.trim();
          const n = raw === "" ? Number.NaN : Number(raw);
          onValue(percent ? n / 100 : n);
        }}
        className="field-input py-1.5"
      />
      <p id={`${id}-help`} className={`mt-0.5 text-xs ${err ? "text-red-600" : "text-gray-500"}`} role={err ? "alert" : undefined}>
        {err ? err.join(" ") : help}
      </p>
    </div>
  );
}

export function ScenarioForm({ input, set, errors }: { input: ScenarioInputRaw; set: Set; errors: Errors }) {
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
  const constraints = input.constraints ?? [];
  const hasConstraint = (id: string) => constraints.some((c) => c.id === id);
  const toggleConstraint = (id: string, make: () => NonNullable<ScenarioInputRaw["constraints"]>[number]) =>
    set((d) => {
      const list = d.constraints ?? [];
      d.constraints = list.some((c) => c.id === id) ? list.filter((c) => c.id !== id) : [...list, make()];
    });

  return (
    <div className="space-y-5" data-testid="scenario-form">
      <fieldset className="rounded-lg border border-gray-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">Workload</legend>
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
      </fieldset>

      <fieldset className="rounded-lg border border-gray-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">API options</legend>
        <div className="space-y-4">
          {(input.apiOptions ?? []).map((o, i) => (
            <div key={o.id} className="rounded-md border border-gray-100 p-3" data-testid={`api-option-${o.id}`}>
              <div className="mb-2 flex items-center justify-between gap-2">
                <span className="text-sm font-medium">{o.label}</span>
                <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => set((d) => void d.apiOptions!.splice(i, 1))}>
                  Remove
                </button>
              </div>
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
                <NumberField path={`apiOptions.${i}.prices.inputPerM`} label="Input" unit="$/1M" help="Uncached input." value={o.prices.inputPerM} errors={errors} onValue={(v) => set((d) => void (d.apiOptions![i].prices.inputPerM = v))} />
                <NumberField path={`apiOptions.${i}.prices.cachedInputPerM`} label="Cached input" unit="$/1M" help="Empty: not offered." value={o.prices.cachedInputPerM} errors={errors} onValue={(v) => set((d) => void (d.apiOptions![i].prices.cachedInputPerM = Number.isNaN(v) ? null : v))} />
                <NumberField path={`apiOptions.${i}.prices.outputPerM`} label="Output" unit="$/1M" help="Output tokens." value={o.prices.outputPerM} errors={errors} onValue={(v) => set((d) => void (d.apiOptions![i].prices.outputPerM = v))} />
                <NumberField path={`apiOptions.${i}.integrationFte`} label="Integration effort" unit="FTE" help="Engineers to integrate it." value={o.integrationFte ?? 0.05} errors={errors} onValue={(v) => set((d) => void (d.apiOptions![i].integrationFte = v))} />
              </div>
            </div>
          ))}
          <label className="block text-xs text-gray-700">
            Add an API model from the catalog
            <select
              className="field-input py-1.5"
              value=""
              onChange={(e) => {
                const model = e.target.value;
                if (model) set((d) => void (d.apiOptions = [...(d.apiOptions ?? []).filter((x) => x.id !== apiOptionFor(model).id), apiOptionFor(model)]));
              }}
            >
              <option value="">Choose a model…</option>
              {REFERENCE_API_PRICES.map((p) => (
                <option key={p.model} value={p.model}>
                  {p.provider} {p.model} (${p.inputPerM} / ${p.outputPerM} per 1M)
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-gray-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">Self-host options</legend>
        <div className="space-y-4">
          {(input.selfHostOptions ?? []).map((o, i) => (
            <div key={o.id} className="rounded-md border border-gray-100 p-3" data-testid={`self-option-${o.id}`}>
              <div className="mb-2 flex items-center justify-between gap-2">
                <span className="text-sm font-medium">{o.label}</span>
                <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => set((d) => void d.selfHostOptions!.splice(i, 1))}>
                  Remove
                </button>
              </div>
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
                <NumberField path={`selfHostOptions.${i}.gpu.pricePerGpuHour`} label="GPU price" unit="$/GPU-hour" help={o.gpu.gpuType} value={o.gpu.pricePerGpuHour} errors={errors} onValue={(v) => set((d) => void (d.selfHostOptions![i].gpu.pricePerGpuHour = v))} />
                <NumberField path={`selfHostOptions.${i}.targetUtilisation`} label="Target utilisation" unit="share" percent help="Capacity used at peak." value={o.targetUtilisation ?? 0.7} errors={errors} onValue={(v) => set((d) => void (d.selfHostOptions![i].targetUtilisation = v))} />
                <NumberField path={`selfHostOptions.${i}.failoverReplicas`} label="Failover replicas" unit="replicas" help="Spares kept running." value={o.failoverReplicas ?? 1} errors={errors} onValue={(v) => set((d) => void (d.selfHostOptions![i].failoverReplicas = v))} />
                <NumberField path={`selfHostOptions.${i}.engineeringFte`} label="Engineering" unit="FTE" help="People running the stack." value={o.engineeringFte ?? 0.2} errors={errors} onValue={(v) => set((d) => void (d.selfHostOptions![i].engineeringFte = v))} />
                <label className="block text-xs font-medium text-gray-700">
                  Weights
                  <select className="field-input py-1.5" value={o.weightPrecision ?? "bf16"} onChange={(e) => set((d) => void (d.selfHostOptions![i].weightPrecision = e.target.value as "bf16"))}>
                    <option value="bf16">bf16 (2 bytes)</option>
                    <option value="fp8">fp8 (1 byte)</option>
                    <option value="int4">int4 (½ byte)</option>
                  </select>
                </label>
                <label className="block text-xs font-medium text-gray-700">
                  Billing
                  <select className="field-input py-1.5" value={o.billingMode ?? "always-on"} onChange={(e) => set((d) => void (d.selfHostOptions![i].billingMode = e.target.value as "always-on"))}>
                    <option value="always-on">Always on</option>
                    <option value="active-window">Active window</option>
                    <option value="scale-to-zero">Scale to zero</option>
                  </select>
                </label>
              </div>
            </div>
          ))}
          <AddSelfHost onAdd={(option) => set((d) => void (d.selfHostOptions = [...(d.selfHostOptions ?? []).filter((x) => x.id !== option.id), option]))} />
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-gray-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">Constraints</legend>
        <div className="space-y-2 text-sm">
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={hasConstraint("in-house")} onChange={() => toggleConstraint("in-house", () => ({ id: "in-house", kind: "data-stays-in-our-infrastructure" }))} />
            <span>
              Data must not leave our infrastructure <span className="block text-xs text-gray-500">Removes API options unless they run inside your infrastructure.</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={hasConstraint("zdr")} onChange={() => toggleConstraint("zdr", () => ({ id: "zdr", kind: "zero-data-retention" }))} />
            <span>
              Zero data retention <span className="block text-xs text-gray-500">An API counts only if its zero retention is verified.</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={hasConstraint("ttft")} onChange={() => toggleConstraint("ttft", () => ({ id: "ttft", kind: "ttft-budget", p95Ms: 2000 }))} />
            <span>
              p95 time to first token within 2 s <span className="block text-xs text-gray-500">Options without a latency figure count as not verified.</span>
            </span>
          </label>
        </div>
      </fieldset>
    </div>
  );
}

function AddSelfHost({ onAdd }: { onAdd: (option: ReturnType<typeof selfHostOptionFor>) => void }) {
  return (
    <form
      className="grid grid-cols-1 gap-2 text-xs sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const [gpu, provider] = String(f.get("offer")).split("|");
        onAdd(selfHostOptionFor(String(f.get("model")), gpu as "H100 SXM", provider, { weightPrecision: String(f.get("precision")) }));
      }}
    >
      <label className="block text-gray-700">
        Open model
        <select name="model" className="field-input py-1.5">
          {REFERENCE_OPEN_MODELS.map((m) => (
            <option key={m.name}>{m.name}</option>
          ))}
        </select>
      </label>
      <label className="block text-gray-700">
        GPU offer
        <select name="offer" className="field-input py-1.5">
          {REFERENCE_GPU_OFFERS.map((o) => (
            <option key={`${o.gpu}|${o.provider}`} value={`${o.gpu}|${o.provider}`}>
              {o.gpu} · {o.provider} · ${o.price}/h
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
