// Tornado: how far (self-host − API) moves when each key input goes to its low and high value,
// the others held at base. Sorted by the size of the swing.
import { baseValue, difference, differenceWith, inputRanges, KEY_INPUTS, type KeyInput, type PairModel } from "./what-if";

export const INPUT_LABELS: Record<KeyInput, string> = {
  volume: "Monthly volume",
  gpuPrice: "GPU price per hour",
  tokenPrice: "API token prices",
  apiCacheRead: "API cache-read share",
  selfCacheHit: "Self-host prefix-cache hit rate",
  utilisation: "Target GPU utilisation",
  throughput: "Throughput per replica",
  engineeringFte: "Self-host engineering time",
  salary: "Engineer annual cost",
  peak: "Peak-to-average ratio",
};

/** The input's label; on owned servers the GPU price is the servers' price. */
export function inputLabel(p: PairModel, input: KeyInput): string {
  return input === "gpuPrice" && p.self.cost.owned ? "Server price" : INPUT_LABELS[input];
}

export const MULTIPLIER_INPUTS: ReadonlySet<KeyInput> = new Set(["volume", "gpuPrice", "tokenPrice", "throughput", "engineeringFte"]);

export type TornadoBar = {
  input: KeyInput;
  label: string;
  kind: "multiplier" | "value";
  base: number;
  low: number;
  high: number;
  /** Change of (self − API) in US$/month at the low and the high value. */
  lowDelta: number;
  highDelta: number;
  swing: number;
};

export function tornado(p: PairModel): { baseDifference: number; bars: TornadoBar[] } {
  const baseDifference = difference(p);
  const ranges = inputRanges(p);
  const bars = KEY_INPUTS.map((input) => {
    const { low, high } = ranges[input];
    const lowDelta = differenceWith(p, input, low) - baseDifference;
    const highDelta = differenceWith(p, input, high) - baseDifference;
    return {
      input,
      label: inputLabel(p, input),
      kind: MULTIPLIER_INPUTS.has(input) ? ("multiplier" as const) : ("value" as const),
      base: baseValue(p, input),
      low,
      high,
      lowDelta,
      highDelta,
      swing: Math.abs(highDelta - lowDelta),
    };
  });
  bars.sort((a, b) => b.swing - a.swing);
  return { baseDifference, bars };
}
