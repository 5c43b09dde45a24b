import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseVllmBenchServe } from "./benchmark-import";

const fixture = readFileSync(path.resolve("lib/catalog/fixtures/vllm-bench-serve.json"), "utf8");

describe("vllm bench serve result import", () => {
  test("a capped-concurrency run becomes a qualifying row with its shape and latencies", () => {
    const r = parseVllmBenchServe(fixture, { tensorParallel: 1, precision: "bf16", fileName: "run.json" });
    if ("errors" in r) throw new Error(r.errors.join("; "));
    expect(r.model).toBe("meta-llama/Llama-3.1-8B-Instruct");
    expect(r.benchmark).toMatchObject({
      tensorParallel: 1,
      precision: "bf16",
      concurrency: 64,
      requestsPerS: null,
      outputTokensPerS: 2161.8,
      itlP50Ms: 26.8,
      ttftMs: 188.1,
      ttftP95Ms: 402.7,
      inputTokens: 1024, // 1,024,000 input tokens / 1,000 requests
      outputTokens: 256,
      model: null,
    });
    expect(r.benchmark.source).toMatch(/run\.json/);
  });

  test("a rate-driven run keeps its rate", () => {
    const run = { ...JSON.parse(fixture), request_rate: 6, max_concurrency: null };
    const r = parseVllmBenchServe(JSON.stringify(run), { tensorParallel: 2, precision: "fp8" });
    if ("errors" in r) throw new Error(r.errors.join("; "));
    expect(r.benchmark).toMatchObject({ concurrency: null, requestsPerS: 6, tensorParallel: 2 });
  });

  test.each([
    ["not JSON", "{oops", /not JSON/],
    ["another tool's file", JSON.stringify({ results: [] }), /model_id/],
    ["a run that completed nothing", JSON.stringify({ ...JSON.parse(fixture), completed: 0 }), /completed: is 0/],
    ["a negative throughput", JSON.stringify({ ...JSON.parse(fixture), output_throughput: -3 }), /output_throughput/],
  ])("%s is refused with the field named", (_label, text, message) => {
    const r = parseVllmBenchServe(text, { tensorParallel: 1, precision: "bf16" });
    expect("errors" in r && r.errors.join(" ")).toMatch(message);
  });
});
