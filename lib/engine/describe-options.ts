// Part of the engine's text (describe.ts): each option in words. An API option's cost lines and
// price flags; a self-host option's cost lines, why it does not fit, the benchmark rows its sizing
// used and set aside, and its sizing notes.
import type { OptionFigures } from "./figures";
import { describeApiLines, describeSelfHostLines, priceFlagText } from "./describe-lines";
import type { Evaluation } from "./result-schema";
import type { Benchmark, ScenarioInput, SelfHostOption, Workload } from "./schema";
import type { DoesNotFit, RowRejection, RowUse, SizingNote } from "./self-host-sizing";
import { SHAPE_TOLERANCE, type RejectReason } from "./throughput-rows";
import { plural } from "../format/text";
import { groupDigits } from "../format/numbers";

export function describeOption(input: ScenarioInput, o: OptionFigures): Evaluation["options"][number] {
  if (o.kind === "api") {
    const api = input.apiOptions.find((a) => a.id === o.id)!;
    return { ...o, lines: describeApiLines(o.lines, api), flags: o.flags.map(priceFlagText) };
  }
  const option = input.selfHostOptions.find((s) => s.id === o.id)!;
  if (!o.feasible) return { kind: o.kind, id: o.id, label: o.label, feasible: false, reason: doesNotFitText(option, o.doesNotFit) };
  const slo = input.settings.sloOutputTokensPerSecond;
  return {
    ...o,
    lines: describeSelfHostLines(o.lines, option),
    sizing: {
      ...o.sizing,
      benchmark: o.sizing.benchmark && referenceText(option, o.sizing.benchmark),
      rejectedBenchmarks: o.sizing.rejectedBenchmarks.map((r: RowRejection) =>
        rejectionText(option.benchmarks[r.row], r.reason, option, input.workload, slo),
      ),
      notes: o.sizing.notes.map(noteText),
    },
  };
}

function doesNotFitText(option: SelfHostOption, d: DoesNotFit): string {
  const where = `${d.gpus} × ${option.gpu.gpuType}${option.allowMultiNode ? "" : " (one node)"}`;
  return `Does not fit ${where}: weights plus one ${groupDigits(d.contextTokens)}-token sequence need ${d.needGb.toFixed(0)} GB, ${d.usableGb.toFixed(0)} GB are usable.`;
}

const MISSES: Record<Extract<SizingNote, { code: "degree-misses" }>["misses"], string> = {
  "speed-target": "misses the speed target",
  "stream-speed": "is slower per stream than the speed constraint",
  "ttft-budget": "misses the time-to-first-token budget at peak",
};

function noteText(n: SizingNote): string {
  switch (n.code) {
    case "no-degree-meets-targets":
      return "No tensor-parallel degree meets the latency targets; the smallest GPU time per request is shown.";
    case "degree-misses":
      return `Tensor parallel ${n.tensorParallel} ${MISSES[n.misses]}.`;
    case "degree-costlier":
      return `Tensor parallel ${n.tensorParallel} needs ${n.gpuTimeRatio.toFixed(2)}× the GPU time per request (room for ${plural(n.sequences, "sequence")}).`;
    case "calibration-off":
      return `The measured row is ${n.factor.toFixed(2)}× the roofline's estimate of the same run: check its settings.`;
    case "below-speed-target":
      return `Even at batch 1 a stream gets ${n.perStreamTokensPerS.toFixed(1)} tokens/s, below the ${n.sloTokensPerS} tokens/s speed target.`;
    case "kv-starved":
      return `Room for only ${n.sequences} ${n.sequences === 1 ? "sequence" : "sequences"} of ${groupDigits(n.tokens)} tokens per replica at tensor parallel ${n.tensorParallel}: the KV cache is starved and throughput is fragile.`;
    case "measured-above-fit":
      return `The measured run held ${groupDigits(n.concurrency)} concurrent requests, more than the ${groupDigits(n.sequences)} sequences of this workload's length that fit: its figure may not hold here.`;
    case "owned": {
      const basis =
        n.basis === "fixed"
          ? "the count the team fixed"
          : n.basis === "horizon-peak"
            ? `enough for the horizon's peak (${n.growthToPeak.toFixed(2)}× today's volume)`
            : "enough for today's volume";
      return `Owned: ${plural(n.servers, "server")} of ${n.gpusPerServer} GPUs (${basis}), $${groupDigits(n.capital)} paid when bought; ${plural(n.leadTimeWeeks, "week")} from order to serving traffic.`;
    }
  }
}

/** The row a replica rests on and how it was used. */
function referenceText(option: SelfHostOption, ref: RowUse): string {
  const how = ref.direct
    ? "used as measured"
    : `the roofline scaled by its measured/estimated ratio ${ref.factor.toFixed(2)}${ref.qualifies ? "" : " (a saturation figure: no latency was measured)"}`;
  return `${rowName(option.benchmarks[ref.row])}, ${how}`;
}

function rowName(b: Benchmark): string {
  const shape =
    b.inputTokens !== null && b.outputTokens !== null
      ? `${groupDigits(b.inputTokens)} in / ${groupDigits(b.outputTokens)} out`
      : "unstated shape";
  const load =
    b.concurrency !== null
      ? `${groupDigits(b.concurrency)} concurrent`
      : b.requestsPerS !== null
        ? `${b.requestsPerS} requests/s`
        : "full load";
  return `${b.source}${b.stack ? `, ${b.stack}` : ""} (TP ${b.tensorParallel}, ${b.precision}, ${shape}, ${load}, ${groupDigits(b.outputTokensPerS)} tokens/s)`;
}

/** Why a row was not used, in a sentence. */
function rejectionText(
  row: Benchmark,
  reason: RejectReason | "other",
  option: SelfHostOption,
  workload: Workload,
  sloTokensPerS: number,
): string {
  return `${rowName(row)}: ${rejectionReason(row, reason, option, workload, sloTokensPerS)}.`;
}

function rejectionReason(row: Benchmark, reason: RejectReason | "other", option: SelfHostOption, workload: Workload, slo: number): string {
  switch (reason) {
    case "precision":
      return `measured at ${row.precision}, this option runs ${option.weightPrecision}`;
    case "no-shape":
      return "its input and output lengths are not stated, so it cannot be compared with this workload";
    case "shape":
      return `its shape is not within ×${SHAPE_TOLERANCE} of this workload's ${groupDigits(workload.inputTokensPerRequest)} in / ${groupDigits(workload.outputTokensPerRequest)} out`;
    case "latency":
      return `its median inter-token latency of ${row.itlP50Ms} ms is slower than the speed target (${groupDigits(1000 / slo, 1)} ms)`;
    case "other":
      return "another row matches better";
  }
}
