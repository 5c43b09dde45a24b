// A team's own throughput measurement from the JSON result file of `vllm bench serve`
// (--save-result): keys as vLLM's benchmarks/serve.py writes them. The file does not say the
// tensor-parallel degree or the precision the server ran with; the caller supplies them.
// Pure (runs in the browser editor and on the server).
import { z } from "zod";
import { BenchmarkSchema, type Benchmark } from "../engine";

const ms = z.number().finite().nonnegative();
const VllmBenchServeSchema = z.object({
  backend: z.string().optional(),
  model_id: z.string().min(1, { error: "is missing: is this a vllm bench serve result?" }),
  request_rate: z.union([z.number().positive(), z.literal("inf")]),
  max_concurrency: z.number().int().positive().nullable().optional(),
  completed: z.number().int().positive({ error: "is 0: the run completed no request" }),
  total_input_tokens: z.number().int().nonnegative(),
  total_output_tokens: z.number().int().positive(),
  request_throughput: z.number().positive(),
  output_throughput: z.number().positive(),
  max_concurrent_requests: z.number().int().positive().optional(),
  median_ttft_ms: ms.optional(),
  p95_ttft_ms: ms.optional(),
  median_itl_ms: ms.optional(),
});

export type ImportedBenchmark = { benchmark: Benchmark; model: string } | { errors: string[] };

export function parseVllmBenchServe(
  text: string,
  run: { tensorParallel: number; precision: Benchmark["precision"]; stack?: string; fileName?: string },
): ImportedBenchmark {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { errors: ["The file is not JSON: expected the result file that `vllm bench serve --save-result` writes."] };
  }
  const parsed = VllmBenchServeSchema.safeParse(raw);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`) };
  const r = parsed.data;
  const rate = r.request_rate === "inf" ? null : r.request_rate;
  // An unlimited rate with no concurrency cap sends every prompt at once: its peak concurrency is the load.
  const concurrency = r.max_concurrency ?? (rate === null ? (r.max_concurrent_requests ?? null) : null);
  const candidate = {
    model: r.model_id.split("/").pop() ?? r.model_id,
    stack: run.stack ?? `vLLM bench serve (${r.backend ?? "openai"} backend)`,
    tensorParallel: run.tensorParallel,
    precision: run.precision,
    concurrency,
    requestsPerS: concurrency === null ? (rate ?? r.request_throughput) : null,
    outputTokensPerS: r.output_throughput,
    itlP50Ms: r.median_itl_ms ?? null,
    ttftMs: r.median_ttft_ms ?? null,
    ttftP95Ms: r.p95_ttft_ms ?? null,
    inputTokens: Math.round(r.total_input_tokens / r.completed),
    outputTokens: Math.max(1, Math.round(r.total_output_tokens / r.completed)),
    source: `Team measurement${run.fileName ? ` (${run.fileName})` : ""}, ${r.completed} requests`,
  };
  const benchmark = BenchmarkSchema.safeParse(candidate);
  if (!benchmark.success) return { errors: benchmark.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  return { benchmark: { ...benchmark.data, model: null }, model: r.model_id };
}
