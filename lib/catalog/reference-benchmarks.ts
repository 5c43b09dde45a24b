// Reading the shipped throughput measurements (node only: used by the seed and tests).
import { readFileSync } from "node:fs";
import path from "node:path";
import { DESIGN_BENCHMARKS, type BenchmarkRow } from "./reference-catalog";

/** Parses the shipped silybench-data CSV (see lib/catalog/data/README.md). */
export function parseMeasuredThroughputCsv(text: string): BenchmarkRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const cols = header.split(",");
  const at = (cells: string[], name: string) => cells[cols.indexOf(name)];
  return lines.map((line) => {
    const cells = line.split(",");
    return {
      model: at(cells, "model") === "Qwen/Qwen3-8B" ? "Qwen3 8B" : at(cells, "model"),
      gpuType: at(cells, "gpu").startsWith("H100") ? "H100 SXM" : at(cells, "gpu"),
      tensorParallel: Number(at(cells, "gpu_count")),
      precision: at(cells, "precision"),
      workload: at(cells, "workload"),
      inputTokens: Number(at(cells, "input_len")),
      outputTokens: Number(at(cells, "output_len")),
      concurrency: Number(at(cells, "max_users_slo")),
      outputTokensPerS: Number(at(cells, "output_tokens_per_s_at_slo")),
      itlP50Ms: Number(at(cells, "itl_median_ms")),
      ttftP50Ms: null,
      ttftP99Ms: Number(at(cells, "ttft_p99_ms")),
      source: `silybench-data (CC BY 4.0), ${at(cells, "engine")}, SLO ${at(cells, "slo")}`,
    };
  });
}

export function referenceBenchmarks(csvPath = path.resolve(process.cwd(), "lib/catalog/data/throughput-measured.csv")): BenchmarkRow[] {
  return [...DESIGN_BENCHMARKS, ...parseMeasuredThroughputCsv(readFileSync(csvPath, "utf8"))];
}

