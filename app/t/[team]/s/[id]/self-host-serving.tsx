"use client";
// A self-host option's serving set-up: tensor parallelism and nodes, scale-to-zero timings, the
// KV cache layout, and the benchmark rows the engine may rest on (from the catalog,
// a `vllm bench serve` result file, or typed in).
import type { PickerCatalog } from "@/lib/catalog/templates";
import type { ScenarioInputRaw } from "@/lib/engine";
import { NumberField, type Errors, type Set } from "./form-fields";
import { DEGREES, Measurements } from "./measurements";

type Option = NonNullable<ScenarioInputRaw["selfHostOptions"]>[number];

type Edit = (mutate: (d: Option) => void) => void;
type Fields = { option: Option; index: number; edit: Edit; errors: Errors };

export function SelfHostServing({
  option: o,
  index: i,
  set,
  errors,
  catalog,
}: {
  option: Option;
  index: number;
  set: Set;
  errors: Errors;
  catalog: PickerCatalog;
}) {
  const edit: Edit = (mutate) => set((draft) => mutate(draft.selfHostOptions![i]));
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-xs text-blue-700">Serving: parallelism, KV cache, measured throughput</summary>
      <div className="mt-2 grid grid-cols-2 gap-3">
        <ParallelismFields option={o} index={i} edit={edit} errors={errors} />
        <KvCacheFields option={o} index={i} edit={edit} errors={errors} />
      </div>
      <Measurements option={o} index={i} edit={edit} errors={errors} catalog={catalog} />
    </details>
  );
}

/** GPUs per node, the tensor-parallel degree (or auto), multi-node, and scale-to-zero's timings. */
function ParallelismFields({ option: o, index: i, edit, errors }: Fields) {
  return (
    <>
      <NumberField
        path={`selfHostOptions.${i}.gpu.gpusPerNode`}
        value={o.gpu.gpusPerNode ?? 8}
        errors={errors}
        onValue={(v) => edit((d) => void (d.gpu.gpusPerNode = v))}
      />
      <div className="text-xs font-medium text-gray-700">
        <label htmlFor={`tp-${o.id}`} className="block">
          Tensor parallel
        </label>
        <select
          id={`tp-${o.id}`}
          className="field-input py-1.5"
          value={o.tensorParallel ?? ""}
          onChange={(e) => edit((d) => void (d.tensorParallel = e.target.value === "" ? null : Number(e.target.value)))}
        >
          <option value="">Auto</option>
          {DEGREES.map((t) => (
            <option key={t} value={t}>
              {t} GPU{t > 1 ? "s" : ""}
            </option>
          ))}
        </select>
        {errors[`selfHostOptions.${i}.tensorParallel`] ? (
          <span className="mt-0.5 block text-xs text-red-600" role="alert">
            {errors[`selfHostOptions.${i}.tensorParallel`].join(" ")}
          </span>
        ) : null}
      </div>
      <label className="flex items-center gap-2 self-center text-xs text-gray-700">
        <input
          type="checkbox"
          checked={o.allowMultiNode ?? false}
          onChange={(e) => edit((d) => void (d.allowMultiNode = e.target.checked))}
        />
        Tensor parallelism may span nodes
      </label>
      {o.billingMode === "scale-to-zero" ? (
        <>
          <NumberField
            path={`selfHostOptions.${i}.idleTimeoutMinutes`}
            value={o.idleTimeoutMinutes ?? 10}
            errors={errors}
            onValue={(v) => edit((d) => void (d.idleTimeoutMinutes = v))}
          />
          <NumberField
            path={`selfHostOptions.${i}.coldStartSeconds`}
            value={o.coldStartSeconds ?? 60}
            errors={errors}
            onValue={(v) => edit((d) => void (d.coldStartSeconds = v))}
          />
        </>
      ) : null}
    </>
  );
}

/** The KV cache layout: grouped-query from the model's shape, latent (MLA), or bytes per token. */
function KvCacheFields({ option: o, index: i, edit, errors }: Fields) {
  const kv = o.model.kvCache ?? { kind: "grouped-query" as const };
  return (
    <>
      <div className="text-xs font-medium text-gray-700">
        <label htmlFor={`kv-${o.id}`} className="block">
          KV cache layout
        </label>
        <select
          id={`kv-${o.id}`}
          className="field-input py-1.5"
          value={kv.kind}
          onChange={(e) =>
            edit((d) => {
              const kind = e.target.value;
              d.model.kvCache =
                kind === "latent"
                  ? { kind: "latent", kvLoraRank: 512, ropeHeadDim: 64 }
                  : kind === "override"
                    ? { kind: "override", bytesPerToken: 131072 }
                    : { kind: "grouped-query" };
            })
          }
        >
          <option value="grouped-query">Grouped-query</option>
          <option value="latent">Latent (MLA)</option>
          <option value="override">Bytes per token</option>
        </select>
      </div>
      {kv.kind === "latent" ? (
        <>
          <NumberField
            path={`selfHostOptions.${i}.model.kvCache.kvLoraRank`}
            value={kv.kvLoraRank}
            errors={errors}
            onValue={(v) => edit((d) => void (d.model.kvCache = { kind: "latent", kvLoraRank: v, ropeHeadDim: kv.ropeHeadDim }))}
          />
          <NumberField
            path={`selfHostOptions.${i}.model.kvCache.ropeHeadDim`}
            value={kv.ropeHeadDim}
            errors={errors}
            onValue={(v) => edit((d) => void (d.model.kvCache = { kind: "latent", kvLoraRank: kv.kvLoraRank, ropeHeadDim: v }))}
          />
        </>
      ) : null}
      {kv.kind === "override" ? (
        <NumberField
          path={`selfHostOptions.${i}.model.kvCache.bytesPerToken`}
          value={kv.bytesPerToken}
          errors={errors}
          onValue={(v) => edit((d) => void (d.model.kvCache = { kind: "override", bytesPerToken: v }))}
        />
      ) : null}
    </>
  );
}
