// The roofline's calibration points: every published or observed throughput row the reference
// data holds, estimated by the engine under the run's own conditions. Shared by
// lib/engine/calibration.test.ts (the bounds) and `npm run calibrate` (the table in
// docs/decisions/0002-roofline-calibration.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { queueWaitMean } from "../engine";
import { SelfHostOptionSchema, type SelfHostOption } from "../engine";
import { roofline, withPrefill } from "../engine";
import { parseMeasuredThroughputCsv, parsePublishedThroughputCsv } from "./reference-benchmarks";
import { GPU_SPECS, REFERENCE_OPEN_MODELS } from "./reference-catalog";

const DATA = path.resolve(process.cwd(), "lib/catalog/data");

// Architectures of the published rows' models beyond the reference catalog, from each model's
// config.json on its model card (layers, KV heads, head dim, context).
const MORE_MODELS = [
  { name: "Llama 3.1 405B", totalParamsB: 405.9, activeParamsB: 405.9, layers: 126, kvHeads: 8, headDim: 128, contextLength: 131072 },
  { name: "Mixtral 8x7B", totalParamsB: 46.7, activeParamsB: 12.9, layers: 32, kvHeads: 8, headDim: 128, contextLength: 32768 },
  { name: "Mixtral 8x22B", totalParamsB: 141, activeParamsB: 39, layers: 56, kvHeads: 8, headDim: 128, contextLength: 65536 },
  { name: "Qwen3 235B-A22B", totalParamsB: 235, activeParamsB: 22, layers: 94, kvHeads: 4, headDim: 128, contextLength: 40960 },
  { name: "Llama 4 Maverick 17B-128E", totalParamsB: 400, activeParamsB: 17, layers: 48, kvHeads: 8, headDim: 128, contextLength: 1048576 },
];

/** Points kept out of the fit of α, the batch caps and the activation reserve; the error on them is reported apart. */
export const HELD_OUT = new Set([
  "T05",
  "T08",
  "T11",
  "O02",
  "S-fp8-balanced-2048-2048",
  "S-bf16-decode-128-1024",
  "S-bf16-longctx-8192-512",
]);

/** The speed target of the silybench runs: median inter-token latency ≤ 50 ms. */
const SILYBENCH_SLO = 20;

export type CalibrationPoint = {
  id: string;
  label: string;
  option: SelfHostOption;
  tensorParallel: number;
  inputTokens: number;
  outputTokens: number;
  /** Output tokens/s per stream the run had to sustain; 0 for full-load runs. */
  slo: number;
  measured: number;
  heldOut: boolean;
};

function option(modelName: string, gpuType: string, precision: "bf16" | "fp8", kv: "bf16" | "fp8"): SelfHostOption {
  const model = [...REFERENCE_OPEN_MODELS, ...MORE_MODELS].find((m) => m.name === modelName);
  const spec = Object.values(GPU_SPECS).find((g) => g.gpuType === gpuType);
  if (!model || !spec) throw new Error(`no architecture for ${modelName} on ${gpuType}`);
  const { sourceUrl: _s, ...arch } = model as typeof model & { sourceUrl?: string };
  return SelfHostOptionSchema.parse({
    id: "calibration",
    label: modelName,
    model: arch,
    weightPrecision: precision,
    kvPrecision: kv,
    gpu: {
      provider: "calibration",
      gpuType,
      memoryGb: spec.memoryGb,
      bandwidthGbS: spec.bandwidthGbS,
      bf16Tflops: spec.bf16Tflops,
      fp8Tflops: spec.fp8Tflops,
      pricePerGpuHour: 1,
    },
  });
}

/** Throughput points: the published full-load and saturated rows, and the silybench rows at their SLO. */
export function throughputPoints(dir = DATA): CalibrationPoint[] {
  const published = parsePublishedThroughputCsv(readFileSync(path.join(dir, "throughput-published.csv"), "utf8"))
    .filter((r) => r.requestsPerS === null) // full load: the online rows at a set rate measure latency, not capacity
    .map((r) => {
      const kv = r.id.startsWith("O") ? "bf16" : "fp8"; // the tables' KV cache precision (notes column)
      return {
        id: r.id,
        label: `${r.model}, ${r.gpuType} ×${r.tensorParallel}, ${r.precision}, ${r.inputTokens}/${r.outputTokens}, ${r.stack}`,
        option: option(r.model, r.gpuType, r.precision as "bf16" | "fp8", kv),
        tensorParallel: r.tensorParallel,
        inputTokens: r.inputTokens!,
        outputTokens: r.outputTokens!,
        slo: 0,
        measured: r.outputTokensPerS,
        heldOut: HELD_OUT.has(r.id),
      };
    });
  const measured = parseMeasuredThroughputCsv(readFileSync(path.join(dir, "throughput-measured.csv"), "utf8")).map((r) => {
    const id = `S-${r.precision}-${r.workload}`;
    return {
      id,
      label: `${r.model}, ${r.gpuType} ×1, ${r.precision}, ${r.inputTokens}/${r.outputTokens}, ${r.stack} at ≤ 50 ms ITL`,
      option: option(r.model, r.gpuType, r.precision as "bf16" | "fp8", "bf16"),
      tensorParallel: r.tensorParallel,
      inputTokens: r.inputTokens!,
      outputTokens: r.outputTokens!,
      slo: SILYBENCH_SLO,
      measured: r.outputTokensPerS,
      heldOut: HELD_OUT.has(id),
    };
  });
  return [...published, ...measured];
}

/** The engine's output tokens/s for a point: roofline at the run's degree and shape, prefill paid for (synthetic prompts share no prefix). */
export function estimateThroughput(
  p: Pick<CalibrationPoint, "option" | "tensorParallel" | "inputTokens" | "outputTokens" | "slo">,
): number {
  const rl = roofline(p.option, p.tensorParallel, p.inputTokens + p.outputTokens / 2, p.slo);
  return withPrefill(rl.decodeTokensPerS, rl.prefillTokensPerS, p.inputTokens, p.outputTokens);
}

export type LatencyPoint = { id: string; label: string; measuredTtftMs: number; estimatedTtftMs: number; utilisation: number };

/**
 * The online rows at a set request rate: mean TTFT against the queueing approximation. As in the
 * engine's calibrated path, the roofline is scaled by the saturated row of the same deployment
 * (benchmark over estimate full-load rate); the utilisation is the achieved rate over that capacity.
 */
export function latencyPoints(dir = DATA): LatencyPoint[] {
  const rows = parsePublishedThroughputCsv(readFileSync(path.join(dir, "throughput-published.csv"), "utf8"));
  return rows
    .filter((r) => r.requestsPerS !== null && r.ttftP50Ms !== null)
    .map((r) => {
      const o = option(r.model, r.gpuType, r.precision as "bf16" | "fp8", "bf16");
      const input = r.inputTokens!;
      const output = r.outputTokens!;
      const live = input + output / 2;
      const raw = roofline(o, r.tensorParallel, live, 0);
      const rawRate = withPrefill(raw.decodeTokensPerS, raw.prefillTokensPerS, input, output);
      const saturated = rows.find(
        (x) =>
          x !== r &&
          x.requestsPerS === null &&
          x.model === r.model &&
          x.gpuType === r.gpuType &&
          x.tensorParallel === r.tensorParallel &&
          x.precision === r.precision &&
          x.inputTokens === input &&
          x.outputTokens === output,
      );
      const factor = saturated ? saturated.outputTokensPerS / rawRate : 1;
      const utilisation = r.requestsPerS! / ((rawRate * factor) / output);
      const concurrency = Math.max(1, Math.round(r.requestsPerS! * ((r.ttftP50Ms! + output * r.itlP50Ms!) / 1000)));
      const step = roofline(o, r.tensorParallel, live, 0, factor, concurrency).stepSeconds;
      const prefill = input / (raw.prefillTokensPerS * factor);
      return {
        id: r.id,
        label: `${r.model}, ${r.gpuType} ×${r.tensorParallel}, ${r.precision}, ${input}/${output} at ${r.requestsPerS} requests/s${saturated ? `, calibrated on ${saturated.id}` : ""}`,
        measuredTtftMs: r.ttftP50Ms!,
        estimatedTtftMs: (queueWaitMean(prefill, utilisation) + prefill + step) * 1000,
        utilisation,
      };
    });
}
