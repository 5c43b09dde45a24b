// Monte Carlo over triangular ranges (low, base, high) of the key inputs, with a seeded
// generator: the same seed always gives the same answer.
import { baseWhatIf, difference, inputRanges, KEY_INPUTS, type PairModel, type WhatIf } from "./what-if";

/**
 * mulberry32: a small, well-distributed 32-bit generator. Its state is an Int32Array and the draw
 * a plain function, which V8 inlines into the sampling loop without boxing (docs/decisions/0003).
 */
export function mulberry32(seed: number): Int32Array {
  return Int32Array.of(seed | 0);
}

/** The next uniform draw in [0, 1) from a mulberry32 state. */
export function nextUniform(state: Int32Array): number {
  const a = (state[0] = (state[0] + 0x6d2b79f5) | 0);
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const split = (mode - low) / (high - low);
  return u < split ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

export type Uncertainty = {
  samples: number;
  seed: number;
  probabilitySelfHostCheaper: number;
  p10: number;
  p50: number;
  p90: number;
  mean: number;
};

function quantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function monteCarlo(p: PairModel, samples: number, seed: number): Uncertainty | null {
  if (samples <= 0) return null;
  const state = mulberry32(seed);
  const ranges = inputRanges(p);
  const n = KEY_INPUTS.length;
  const low = new Float64Array(n);
  const mode = new Float64Array(n);
  const high = new Float64Array(n);
  const base = baseWhatIf(p);
  KEY_INPUTS.forEach((k, j) => {
    low[j] = ranges[k].low;
    mode[j] = base[k];
    high[j] = ranges[k].high;
  });
  const x = baseWhatIf(p);
  const out = new Float64Array(samples);
  let cheaper = 0;
  let sum = 0;
  for (let i = 0; i < samples; i++) {
    drawInto(x, state, low, mode, high);
    const d = difference(p, x);
    out[i] = d;
    sum += d;
    if (d < 0) cheaper++;
  }
  out.sort();
  return {
    samples,
    seed,
    probabilitySelfHostCheaper: cheaper / samples,
    p10: quantile(out, 0.1),
    p50: quantile(out, 0.5),
    p90: quantile(out, 0.9),
    mean: sum / samples,
  };
}

/**
 * One triangular draw per input, in KEY_INPUTS order (the order fixes which draw goes where).
 * Stored by name rather than in a loop over the keys: keyed stores box every draw (0003).
 */
function drawInto(x: WhatIf, state: Int32Array, low: Float64Array, mode: Float64Array, high: Float64Array): void {
  const draw = (j: number) => triangular(nextUniform(state), low[j], mode[j], high[j]);
  x.volume = draw(0);
  x.gpuPrice = draw(1);
  x.tokenPrice = draw(2);
  x.apiCacheRead = draw(3);
  x.selfCacheHit = draw(4);
  x.utilisation = draw(5);
  x.throughput = draw(6);
  x.engineeringFte = draw(7);
  x.salary = draw(8);
  x.peak = draw(9);
}
