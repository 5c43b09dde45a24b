// Monte Carlo over triangular ranges (low, base, high) of the key inputs, with a seeded
// generator: the same seed always gives the same answer.
import { difference, inputRanges, KEY_INPUTS, baseValue, type KeyInput, type PairModel } from "./what-if";

/**
 * mulberry32: a small, fast, well-distributed 32-bit generator. The state lives in an Int32Array
 * (the same bits as the usual `>>> 0` state) and the draw is a plain function, so V8 inlines it
 * into the sampling loop: a closure's unsigned state above 2^31 was boxed on every draw, and so
 * was every number it returned.
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
  KEY_INPUTS.forEach((k, j) => {
    low[j] = ranges[k].low;
    mode[j] = baseValue(p, k);
    high[j] = ranges[k].high;
  });
  // Draws go to a typed array and then into one what-if of fixed shape, by name. A store per
  // input by computed key boxed every number (6.8 MB per 10,000 samples; ~2.4 MB now), and the
  // collections that caused, which see the whole evaluation alive, left later evaluations keeping
  // more garbage through the next collection.
  const draw = new Float64Array(n);
  const x = new Draw();
  const out = new Float64Array(samples);
  let cheaper = 0;
  let sum = 0;
  for (let i = 0; i < samples; i++) {
    drawInto(draw, state, low, mode, high);
    setDraw(x, draw);
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

/** One triangular draw per input, in KEY_INPUTS order. */
function drawInto(out: Float64Array, state: Int32Array, low: Float64Array, mode: Float64Array, high: Float64Array): void {
  for (let j = 0; j < out.length; j++) out[j] = triangular(nextUniform(state), low[j], mode[j], high[j]);
}

// The draws in KEY_INPUTS order, stored by name. The tuple below fails to compile if KEY_INPUTS
// changes order or members, so the two cannot drift apart.
const DRAW_ORDER: typeof KEY_INPUTS = [
  "volume",
  "gpuPrice",
  "tokenPrice",
  "apiCacheRead",
  "selfCacheHit",
  "utilisation",
  "throughput",
  "engineeringFte",
  "salary",
  "peak",
];
void DRAW_ORDER;

/**
 * One sample's what-if. A class rather than an object literal: a literal with these keys joins
 * V8's hidden-class tree of other objects keyed by input (the tornado's probe, whose fields may be
 * undefined; the input ranges, whose fields are objects), and every number stored in it is then
 * boxed — 10 allocations a sample.
 */
class Draw implements Record<KeyInput, number> {
  volume = Number.NaN;
  gpuPrice = Number.NaN;
  tokenPrice = Number.NaN;
  apiCacheRead = Number.NaN;
  selfCacheHit = Number.NaN;
  utilisation = Number.NaN;
  throughput = Number.NaN;
  engineeringFte = Number.NaN;
  salary = Number.NaN;
  peak = Number.NaN;
}

function setDraw(x: Draw, d: Float64Array): void {
  x.volume = d[0];
  x.gpuPrice = d[1];
  x.tokenPrice = d[2];
  x.apiCacheRead = d[3];
  x.selfCacheHit = d[4];
  x.utilisation = d[5];
  x.throughput = d[6];
  x.engineeringFte = d[7];
  x.salary = d[8];
  x.peak = d[9];
}
