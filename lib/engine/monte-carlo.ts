// Monte Carlo over triangular ranges (low, base, high) of the key inputs, with a seeded
// generator: the same seed always gives the same answer.
import { difference, inputRanges, KEY_INPUTS, baseValue, type PairModel, type WhatIf } from "./what-if";

/** mulberry32: a small, fast, well-distributed 32-bit generator. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  const rand = mulberry32(seed);
  const ranges = inputRanges(p);
  const modes = Object.fromEntries(KEY_INPUTS.map((k) => [k, baseValue(p, k)])) as Record<(typeof KEY_INPUTS)[number], number>;
  const out = new Float64Array(samples);
  let cheaper = 0;
  let sum = 0;
  const x: WhatIf = {};
  for (let i = 0; i < samples; i++) {
    for (const k of KEY_INPUTS) x[k] = triangular(rand(), ranges[k].low, modes[k], ranges[k].high);
    const d = difference(p, x);
    out[i] = d;
    sum += d;
    if (d < 0) cheaper++;
  }
  out.sort();
  return { samples, seed, probabilitySelfHostCheaper: cheaper / samples, p10: quantile(out, 0.1), p50: quantile(out, 0.5), p90: quantile(out, 0.9), mean: sum / samples };
}
