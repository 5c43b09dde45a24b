// Reading the shipped throughput measurements (node only: used by the seed, the calibration and tests).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "./importers";
import { DESIGN_BENCHMARKS, type BenchmarkRow } from "./reference-catalog";

const DATA = path.resolve(process.cwd(), "lib/catalog/data");

/** Table rows as objects keyed by the header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.trim());
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
}

const orNull = (v: string) => (v.trim() === "" ? null : Number(v));

/** The silybench-data capacity CSV (see lib/catalog/data/README.md). */
export function parseMeasuredThroughputCsv(text: string): BenchmarkRow[] {
  return records(text).map((r) => ({
    model: r.model === "Qwen/Qwen3-8B" ? "Qwen3 8B" : r.model,
    gpuType: r.gpu.startsWith("H100") ? "H100 SXM" : r.gpu,
    stack: r.engine,
    tensorParallel: Number(r.gpu_count),
    precision: r.precision,
    workload: r.workload,
    inputTokens: Number(r.input_len),
    outputTokens: Number(r.output_len),
    concurrency: Number(r.max_users_slo),
    requestsPerS: Number(r.requests_per_s_at_slo),
    outputTokensPerS: Number(r.output_tokens_per_s_at_slo),
    itlP50Ms: Number(r.itl_median_ms),
    ttftP50Ms: null,
    ttftP99Ms: Number(r.ttft_p99_ms),
    source: `silybench-data (CC BY 4.0), SLO ${r.slo}`,
  }));
}

/**
 * The published TensorRT-LLM performance tables (see lib/catalog/data/README.md). Offline rows
 * ran at full load with no latency target: saturation figures. Online rows state a request rate
 * and mean TTFT and ITL.
 */
export function parsePublishedThroughputCsv(text: string): (BenchmarkRow & { id: string; totalParamsB: number; activeParamsB: number })[] {
  return records(text).map((r) => {
    const rate = r.concurrency_or_rate.match(/([\d.]+) req\/s achieved/);
    return {
      id: r.id,
      model: r.model.startsWith("Llama 3.1/3.3 70B") ? "Llama 3.3 70B" : r.model,
      gpuType: r.gpu,
      stack: r.notes.match(/engine=([^;]+)/)?.[1].trim() ?? "",
      tensorParallel: Number(r.tp),
      precision: r.precision,
      workload: r.concurrency_or_rate,
      inputTokens: Number(r.input_tokens),
      outputTokens: Number(r.output_tokens),
      concurrency: null,
      requestsPerS: rate && !r.concurrency_or_rate.includes("QPS inf") ? Number(rate[1]) : null,
      outputTokensPerS: Number(r.output_tok_s_per_system),
      itlP50Ms: r.concurrency_or_rate.includes("QPS inf") ? null : orNull(r.itl_ms),
      ttftP50Ms: r.concurrency_or_rate.includes("QPS inf") ? null : orNull(r.ttft_ms),
      ttftP99Ms: null,
      source: `NVIDIA TensorRT-LLM performance overview (Apache-2.0), ${r.date}, row ${r.id}${r.id.startsWith("O") ? "; TTFT and ITL are means" : ""}`,
      totalParamsB: Number(r.total_params_b),
      activeParamsB: Number(r.active_params_b),
    };
  });
}

export function referenceBenchmarks(dir = DATA): BenchmarkRow[] {
  const published = parsePublishedThroughputCsv(readFileSync(path.join(dir, "throughput-published.csv"), "utf8")).map(
    ({ id: _id, totalParamsB: _t, activeParamsB: _a, ...row }) => row,
  );
  return [
    ...DESIGN_BENCHMARKS,
    ...parseMeasuredThroughputCsv(readFileSync(path.join(dir, "throughput-measured.csv"), "utf8")),
    ...published,
  ];
}
