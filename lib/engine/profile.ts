// The workload's day: a typed or imported 24-hour profile, or one generated from the peak ratio
// and active hours. Sizing reads its peak and active hours through workloadShape, so a profile,
// when present, is what sizes the replicas and the scale-to-zero window.
import { HOURS_PER_DAY } from "./constants";
import type { Workload } from "./schema";

/**
 * Share of a day's requests in each hour (24 values adding up to 1). A typed profile is
 * normalised; otherwise one is generated: the active hours centred on 13:00 (hours without
 * traffic outside them), shaped as (1 − |x|)^k over the window with k set so that the busiest
 * hour is `peakToAverage` times the active hours' average.
 */
export function dailyProfile(w: Workload): number[] {
  if (w.hourlyProfile) {
    const sum = w.hourlyProfile.reduce((a, b) => a + b, 0);
    return w.hourlyProfile.map((v) => (sum > 0 ? v / sum : 1 / HOURS_PER_DAY));
  }
  const active = Math.min(HOURS_PER_DAY, Math.max(1, Math.round(w.activeHoursPerDay)));
  const start = Math.max(0, Math.min(HOURS_PER_DAY - active, Math.round(13 - active / 2)));
  const shape = (k: number) => Array.from({ length: active }, (_, i) => Math.pow(1 - Math.abs((2 * (i + 0.5)) / active - 1), k));
  const ratio = (k: number) => {
    const s = shape(k);
    return Math.max(...s) / (s.reduce((a, b) => a + b, 0) / active);
  };
  // The ratio rises with k; bisection finds the k that gives the stated peak (as near as whole hours allow).
  let lo = 0;
  let hi = 64;
  for (let j = 0; j < 60 && w.peakToAverage > 1; j++) {
    const mid = (lo + hi) / 2;
    if (ratio(mid) < w.peakToAverage) lo = mid;
    else hi = mid;
  }
  const weights = shape(w.peakToAverage > 1 ? hi : 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: HOURS_PER_DAY }, (_, h) => (h >= start && h < start + active ? weights[h - start] / sum : 0));
}

/** An hour is active when its traffic is at least this share of the busiest hour's. */
export const ACTIVE_HOUR_SHARE_OF_PEAK = 0.05;

/**
 * Active hours and peak-to-average of a 24-hour profile: the hours with at least 5% of the
 * busiest hour's traffic, and the busiest hour over their mean. An empty profile is flat.
 */
export function profileShape(profile: readonly number[]): { peakToAverage: number; activeHoursPerDay: number } {
  const peak = Math.max(...profile);
  if (!(peak > 0)) return { peakToAverage: 1, activeHoursPerDay: HOURS_PER_DAY };
  const active = profile.filter((v) => v >= peak * ACTIVE_HOUR_SHARE_OF_PEAK);
  const mean = active.reduce((a, b) => a + b, 0) / active.length;
  return { peakToAverage: peak / mean, activeHoursPerDay: active.length };
}

/** The peak ratio and active hours sizing uses: the profile's when there is one, else the typed ones. */
export function workloadShape(w: Workload): { peakToAverage: number; activeHoursPerDay: number } {
  return w.hourlyProfile ? profileShape(w.hourlyProfile) : { peakToAverage: w.peakToAverage, activeHoursPerDay: w.activeHoursPerDay };
}

/** Hours of overlap between [a, b) and [c, d), all within one day. */
const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

/**
 * Share of a day's requests sent inside a window given in UTC hours (end before start = past
 * midnight), for a profile written in local hours `utcOffsetHours` from UTC. Traffic is taken
 * as even within each hour.
 */
export function shareInUtcWindow(profile: readonly number[], utcOffsetHours: number, startUtc: number, endUtc: number): number {
  const windows =
    endUtc > startUtc
      ? [[startUtc, endUtc]]
      : [
          [startUtc, HOURS_PER_DAY],
          [0, endUtc],
        ];
  let share = 0;
  profile.forEach((p, h) => {
    if (p === 0) return;
    // The local hour [h, h + 1) in UTC, possibly split at midnight.
    const from = (((h - utcOffsetHours) % HOURS_PER_DAY) + HOURS_PER_DAY) % HOURS_PER_DAY;
    const pieces =
      from + 1 <= HOURS_PER_DAY
        ? [[from, from + 1]]
        : [
            [from, HOURS_PER_DAY],
            [0, from + 1 - HOURS_PER_DAY],
          ];
    for (const [a, b] of pieces) for (const [c, d] of windows) share += p * overlap(a, b, c, d);
  });
  return share;
}
