// Measured throughput rows (DESIGN.md second edition): which rows can speak for a deployment,
// which one a tensor-parallel degree rests on, and its benchmark/estimate ratio. Rows that are
// not used are returned with the reason, so the result can say why.
import type { Benchmark, SelfHostOption, Workload } from "./schema";
import { roofline, withPrefill } from "./roofline";

export const SHAPE_TOLERANCE = 2; // a row's input and output lengths within ×2 of the workload's

/** Concurrency of a run: as stated, or by Little's law from its request rate and latencies. */
export function concurrencyOf(b: Benchmark): number | null {
  if (b.concurrency !== null) return b.concurrency;
  if (b.requestsPerS === null || b.ttftMs === null || b.itlP50Ms === null || b.outputTokens === null) return null;
  return Math.max(1, Math.round((b.requestsPerS * (b.ttftMs + b.outputTokens * b.itlP50Ms)) / 1000));
}

export type Screened = { row: Benchmark; qualifies: boolean; shapeDistance: number };
export type RejectReason = "precision" | "no-shape" | "shape" | "latency";
export type ScreenedRows = { usable: Screened[]; rejected: { row: Benchmark; reason: RejectReason }[] };

/**
 * Rows of another precision, without a stated shape, of a shape beyond ×2 of the workload's, or
 * whose median inter-token latency misses the speed target are rejected, each with its reason. A
 * row with a latency that meets the target qualifies; a row without one is a saturation figure,
 * used only to calibrate.
 */
export function screenRows(option: SelfHostOption, workload: Workload, sloTokensPerS: number): ScreenedRows {
  const ti = Math.max(1, workload.inputTokensPerRequest);
  const to = Math.max(1, workload.outputTokensPerRequest);
  const out: ScreenedRows = { usable: [], rejected: [] };
  const reject = (row: Benchmark, reason: RejectReason) => out.rejected.push({ row, reason });
  for (const row of option.benchmarks) {
    if (row.precision !== option.weightPrecision) {
      reject(row, "precision");
      continue;
    }
    if (row.inputTokens === null || row.outputTokens === null) {
      reject(row, "no-shape");
      continue;
    }
    const di = Math.abs(Math.log(Math.max(1, row.inputTokens) / ti));
    const dout = Math.abs(Math.log(row.outputTokens / to));
    if (di > Math.log(SHAPE_TOLERANCE) || dout > Math.log(SHAPE_TOLERANCE)) reject(row, "shape");
    else if (row.itlP50Ms !== null && 1000 / row.itlP50Ms < sloTokensPerS * (1 - 1e-9)) reject(row, "latency");
    else out.usable.push({ row, qualifies: row.itlP50Ms !== null, shapeDistance: di + dout });
  }
  return out;
}

/**
 * The row a degree's throughput rests on: a qualifying row at this degree, else a qualifying row
 * at the nearest other degree, else a saturation row (same order); nearest shape, then the
 * highest load.
 */
export function pickReference(usable: Screened[], t: number): Screened | null {
  const rank = (s: Screened) => [
    s.qualifies ? 0 : 1,
    s.row.tensorParallel === t ? 0 : 1,
    Math.abs(Math.log(s.row.tensorParallel / t)),
    s.shapeDistance,
    -(concurrencyOf(s.row) ?? Infinity),
  ];
  const before = (a: number[], b: number[]) => {
    const i = a.findIndex((v, k) => v !== b[k]);
    return i >= 0 && a[i] < b[i];
  };
  let best: Screened | null = null;
  for (const s of usable) if (!best || before(rank(s), rank(best))) best = s;
  return best;
}

/** Measured rate over the roofline's estimate of the same run (its degree, shape and load). */
export function calibrationFactor(option: SelfHostOption, row: Benchmark): number {
  const input = row.inputTokens ?? 0;
  const output = row.outputTokens ?? 1;
  const rl = roofline(option, row.tensorParallel, input + output / 2, 0, 1, concurrencyOf(row) ?? Number.POSITIVE_INFINITY);
  // Benchmark prompts are synthetic and share no prefix: the run paid for every prompt token.
  return row.outputTokensPerS / withPrefill(rl.decodeTokensPerS, rl.prefillTokensPerS, input, output);
}
