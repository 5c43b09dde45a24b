// Calibration of the roofline throughput estimate against measured serving capacity.
//
// Stated bound: on the current-vLLM measurements shipped in lib/catalog/data (silybench-data,
// Qwen3 8B on one H100, vLLM 0.30, five workload shapes, bf16 and fp8) the roofline's output
// rate, with its prefill share paid for, is within a factor of 1.7 of the measured rate (seen:
// 0.62× to 1.47×). It underestimates decode-heavy shapes (it charges every sequence the full
// context, vLLM pages KV and the average sequence is shorter) and overestimates long prompts.
//
// The Llama 3.3 70B fp8 figures in DESIGN.md were measured with vLLM 0.5.4 (mid-2024) at unstated
// shapes. The roofline is 2.5× to 9× above them at tensor parallel 2-8: it models neither that
// version's scheduler overheads nor tensor-parallel communication (measured scaling from 2 to 8
// GPUs was only 1.5×). We assert only that it stays an upper bound within 10×, and the engine uses
// a measured row instead of the roofline whenever one matches the deployment and meets the SLO.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseMeasuredThroughputCsv } from "../catalog/reference-benchmarks";
import { effectiveOutputRate, replicaCandidates } from "./self-host-sizing";
import { gpu, model, selfHost, workload } from "./test-fixtures";

const CURRENT_BOUND = 1.7;
const LEGACY_BOUND = 10;
const SLO_TOKENS_PER_S = 20; // the measurements' SLO: median inter-token latency ≤ 50 ms

const measured = parseMeasuredThroughputCsv(readFileSync(path.resolve("lib/catalog/data/throughput-measured.csv"), "utf8"));

function estimate(modelName: string, precision: "bf16" | "fp8", kv: "bf16" | "fp8", tp: number, input: number, output: number) {
  const option = selfHost({ model: model(modelName), weightPrecision: precision, kvPrecision: kv, gpu: gpu("H100 SXM", 1) });
  // Synthetic benchmark prompts share no prefix: no prefix-cache hits.
  const w = workload({ requestsPerMonth: 1, inputTokensPerRequest: input, outputTokensPerRequest: output, selfHostPrefixCacheHitRate: 0 });
  const sized = replicaCandidates(option, w, SLO_TOKENS_PER_S);
  if (!sized.fits) throw new Error("does not fit");
  const capacity = sized.candidates.find((c) => c.tensorParallel === tp);
  if (!capacity) throw new Error(`no TP=${tp} candidate`);
  return effectiveOutputRate(capacity, w);
}

describe("roofline against current vLLM measurements (Qwen3 8B, 1× H100)", () => {
  test.each(measured.map((r) => [`${r.precision} ${r.workload}`, r] as const))("%s is within ×1.7", (_label, row) => {
    const ratio = estimate("Qwen3 8B", row.precision as "bf16" | "fp8", "bf16", 1, row.inputTokens!, row.outputTokens!) / row.outputTokensPerS;
    expect(ratio).toBeGreaterThan(1 / CURRENT_BOUND);
    expect(ratio).toBeLessThan(CURRENT_BOUND);
  });

  test("the ten rows are all there", () => {
    expect(measured).toHaveLength(10);
  });
});

describe("roofline against the vLLM 0.5.4 70B fp8 figures (1,024 in / 1,024 out assumed)", () => {
  test.each([
    [2, 1728],
    [4, 2243],
    [8, 2573],
  ])("TP=%i: an upper bound within ×10 of %i tokens/s", (tp, tokensPerS) => {
    const ratio = estimate("Llama 3.3 70B", "fp8", "fp8", tp, 1024, 1024) / tokensPerS;
    expect(ratio).toBeGreaterThanOrEqual(1);
    expect(ratio).toBeLessThan(LEGACY_BOUND);
  });
});
