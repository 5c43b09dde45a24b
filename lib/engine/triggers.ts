// Revisit triggers: for each key input, the value at which the cheaper side (best self-host vs
// best API) flips, holding the other inputs at base. Volume is answered exactly by the breakeven;
// the others are solved per input (see flipPoint).
import { replicasFor, selfHostMonthlyCost } from "./self-host-cost";
import { inputLabel, MULTIPLIER_INPUTS } from "./sensitivity";
import {
  apiCostWhatIf,
  baseValue,
  baseWhatIf,
  difference,
  differenceWith,
  whatIfSelfModel,
  whatIfWith,
  type KeyInput,
  type PairModel,
} from "./what-if";

export type Trigger = {
  input: KeyInput;
  label: string;
  direction: "above" | "below";
  /** The flip point in the input's own terms (a multiplier for multiplier inputs). */
  value: number;
  /** The flip point as a quantity a reader knows (US$/GPU-hour, tokens/s, FTE…). */
  absolute: number;
  unit: string;
  winnerAfter: "api" | "self-host";
};

const BISECTIONS = 20; // 2^-20 of the bracket (of its logarithm for multipliers): a millionth, far below what a trigger shows

// Plausible ranges: a trigger outside them ("self-hosting wins below $1 per engineer-year") is
// not a revisit point anyone will meet, so none is reported there.
export const TRIGGER_DOMAINS: Record<Exclude<KeyInput, "volume">, { min: number; max: number }> = {
  gpuPrice: { min: 0.1, max: 10 },
  tokenPrice: { min: 0.1, max: 10 },
  throughput: { min: 0.1, max: 10 },
  engineeringFte: { min: 0.1, max: 10 },
  apiCacheRead: { min: 0, max: 1 },
  selfCacheHit: { min: 0, max: 0.95 },
  utilisation: { min: 0.2, max: 0.95 },
  salary: { min: 50_000, max: 1_000_000 },
  peak: { min: 1, max: 20 },
};

/** The flip point as a quantity a reader knows, and its unit. */
function absoluteOf(p: PairModel, input: KeyInput, value: number): { absolute: number; unit: string } {
  switch (input) {
    case "gpuPrice": {
      const owned = p.self.cost.owned;
      if (owned) return { absolute: owned.capitalPerServer * value, unit: "US$ per server" };
      return { absolute: p.self.cost.pricePerGpuHour * value, unit: "US$/GPU-hour" };
    }
    case "tokenPrice":
      return { absolute: value, unit: "× today's API prices" };
    case "throughput":
      return { absolute: p.self.load.outputTokensPerS * value, unit: "output tokens/s per replica" };
    case "engineeringFte":
      return { absolute: p.self.cost.engineeringFte * value, unit: "FTE" };
    case "apiCacheRead":
    case "selfCacheHit":
    case "utilisation":
      return { absolute: value, unit: "share" };
    case "salary":
      return { absolute: value, unit: "US$/year" };
    case "peak":
      return { absolute: value, unit: "ratio" };
    default:
      return { absolute: value, unit: "" };
  }
}

// How (self − API) responds to each input, holding the others: linear ones have a closed-form
// root. The others move self-hosting only through its replica count, a ceiling of volume × load
// per request ÷ utilisation, and only ever in one direction (more cache hits, throughput or
// utilisation never add replicas; a higher peak never removes them). Billed by the replica,
// the difference is constant between steps, so the flip is solved on the replica counts as the
// breakeven is (flipOnSteps); scale-to-zero and owned servers are bisected (flipByBisection).
const LINEAR: ReadonlySet<KeyInput> = new Set(["gpuPrice", "tokenPrice", "engineeringFte", "salary", "apiCacheRead"]);
/** Inputs whose load per request ÷ utilisation is inversely proportional to them (the others move it linearly). */
const RECIPROCAL: ReadonlySet<KeyInput> = new Set(["throughput", "utilisation"]);

function flipPoint(p: PairModel, input: KeyInput, from: number, to: number, baseSign: boolean): number | null {
  const at = (v: number) => differenceWith(p, input, v) < 0;
  if (at(to) === baseSign) return null;
  // Step just past a root onto the flipped side, and confirm with the real function on both sides.
  const confirmed = (root: number | null) => {
    if (root === null || !Number.isFinite(root)) return null;
    const nudge = Math.abs(to - from) * 1e-12;
    const flipped = to > from ? root + nudge : root - nudge;
    const before = to > from ? root - nudge : root + nudge;
    return at(flipped) !== baseSign && (LINEAR.has(input) || at(before) === baseSign) ? flipped : null;
  };
  const solved = LINEAR.has(input) ? confirmed(linearRoot(p, input, from, to)) : confirmed(flipOnSteps(p, input, from, to, baseSign));
  return solved ?? flipByBisection(at, input, from, to, baseSign);
}

function linearRoot(p: PairModel, input: KeyInput, from: number, to: number): number | null {
  const d0 = differenceWith(p, input, from);
  const d1 = differenceWith(p, input, to);
  return d1 === d0 ? null : from + ((to - from) * d0) / (d0 - d1);
}

/**
 * The input's value where the replica count reaches the first count (walking from today's value
 * towards `to`) at which the cheaper side flips; null where the cost is not a step function.
 */
export function flipOnSteps(p: PairModel, input: KeyInput, from: number, to: number, baseSign: boolean): number | null {
  const R = p.requestsPerMonth;
  const mFrom = whatIfSelfModel(p, whatIfWith(p, input, from));
  const mTo = whatIfSelfModel(p, whatIfWith(p, input, to));
  if (mFrom.owned || mFrom.billingMode === "scale-to-zero" || R <= 0) return null;
  const api = apiCostWhatIf(p, baseWhatIf(p)); // these inputs do not move the API side
  // Between steps only the replica count moves the self-host cost, so any of the models prices it.
  const flippedAt = (n: number) => selfHostMonthlyCost(mFrom, R, n) - api < 0 !== baseSign;
  let held = replicasFor(mFrom, R);
  let first = replicasFor(mTo, R);
  if (!flippedAt(first) || flippedAt(held)) return null;
  while (Math.abs(first - held) > 1) {
    const mid = Math.floor((first + held) / 2);
    if (flippedAt(mid)) first = mid;
    else held = mid;
  }
  // replicas = max(ceil(R·q) + spares, minimum) with q = load per request ÷ utilisation: rising
  // onto `first` needs R·q above first − spares − 1, falling onto it R·q at most first − spares.
  const rising = first > held;
  const target = (first - mFrom.failoverReplicas - (rising ? 1 : 0)) / R;
  const q0 = mFrom.loadPerRequest / mFrom.utilisation;
  const q1 = mTo.loadPerRequest / mTo.utilisation;
  if (RECIPROCAL.has(input)) return target > 0 ? (q0 * from) / target : null;
  return q1 === q0 ? null : from + ((target - q0) * (to - from)) / (q1 - q0);
}

/** The flip between today's value and `to` by bisection (of the logarithm for multipliers). */
export function flipByBisection(at: (v: number) => boolean, input: KeyInput, from: number, to: number, baseSign: boolean): number {
  let lo = from; // same side as base
  let hi = to; // flipped
  for (let j = 0; j < BISECTIONS; j++) {
    const mid = lo > 0 && hi > 0 && MULTIPLIER_INPUTS.has(input) ? Math.sqrt(lo * hi) : (lo + hi) / 2;
    if (at(mid) !== baseSign) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function revisitTriggers(p: PairModel): Trigger[] {
  const selfWinsNow = difference(p) < 0;
  const out: Trigger[] = [];
  for (const input of Object.keys(TRIGGER_DOMAINS) as Exclude<KeyInput, "volume">[]) {
    const base = baseValue(p, input);
    const { min, max } = TRIGGER_DOMAINS[input];
    for (const direction of ["above", "below"] as const) {
      const bound = direction === "above" ? max : min;
      if ((direction === "above" && base >= max) || (direction === "below" && base <= min)) continue;
      const flip = flipPoint(p, input, base, bound, selfWinsNow);
      if (flip === null) continue;
      const winnerAfter = selfWinsNow ? "api" : "self-host";
      const abs = absoluteOf(p, input, flip);
      out.push({
        input,
        label: inputLabel(p, input),
        direction,
        value: flip,
        absolute: abs.absolute,
        unit: abs.unit,
        winnerAfter,
      });
    }
  }
  return out;
}
