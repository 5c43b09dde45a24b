// Builders for engine tests: small, readable scenarios with DESIGN.md's reference figures.
import { GPU_SPECS, REFERENCE_OPEN_MODELS } from "../catalog/reference-catalog";
import {
  ApiOptionSchema,
  ScenarioInputSchema,
  SelfHostOptionSchema,
  WorkloadSchema,
  type ApiOption,
  type ScenarioInputRaw,
  type SelfHostOption,
  type Workload,
} from "./schema";

export function model(name: string) {
  const m = REFERENCE_OPEN_MODELS.find((x) => x.name === name);
  if (!m) throw new Error(`no model ${name}`);
  return {
    name: m.name,
    totalParamsB: m.totalParamsB,
    activeParamsB: m.activeParamsB,
    layers: m.layers,
    kvHeads: m.kvHeads,
    headDim: m.headDim,
    contextLength: m.contextLength,
  };
}

export function gpu(type: keyof typeof GPU_SPECS, pricePerGpuHour: number, extra: Record<string, unknown> = {}) {
  const s = GPU_SPECS[type];
  return {
    gpuType: s.gpuType,
    memoryGb: s.memoryGb,
    bandwidthGbS: s.bandwidthGbS,
    bf16Tflops: s.bf16Tflops,
    fp8Tflops: s.fp8Tflops,
    provider: "Test cloud",
    pricePerGpuHour,
    ...extra,
  };
}

export function workload(w: Partial<Workload> & { requestsPerMonth: number }): Workload {
  return WorkloadSchema.parse({ inputTokensPerRequest: 1000, outputTokensPerRequest: 200, ...w });
}

export function apiOption(o: Record<string, unknown> & { prices: Record<string, unknown> }): ApiOption {
  return ApiOptionSchema.parse({ id: "api", label: "API", integrationFte: 0, ...o });
}

export function selfHost(o: Record<string, unknown> = {}): SelfHostOption {
  return SelfHostOptionSchema.parse({ id: "self", label: "Self-host", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 2.54), ...o });
}

export function scenario(s: Partial<ScenarioInputRaw> = {}): ScenarioInputRaw {
  return ScenarioInputSchema.parse({
    workload: { requestsPerMonth: 10_000_000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200 },
    apiOptions: [
      { id: "mini", label: "GPT-4o-mini", prices: { inputPerM: 0.15, cachedInputPerM: 0.075, outputPerM: 0.6, batchDiscount: 0.5 } },
    ],
    selfHostOptions: [{ id: "h100", label: "Llama 3.1 8B on H100", model: model("Llama 3.1 8B"), gpu: gpu("H100 SXM", 2.54) }],
    ...s,
  });
}
