// Plain-text number formatting for sentences the engine writes (headlines, reasons, triggers);
// the engine, the screens and the memo all print counts with these.
import { groupDigits } from "./numbers";

/** Where a replica's throughput comes from, in words (screen, memo and summary say the same). */
export const THROUGHPUT_PATH_LABEL = {
  measured: "measured",
  "calibrated-roofline": "roofline calibrated on a measured row",
  roofline: "roofline estimate",
} as const;

/** "1 replica", "3 replicas", "1,024 sequences". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${groupDigits(count)} ${count === 1 ? noun : nouns}`;
}

export function formatCount(value: number): string {
  if (value >= 1e12) return `${(value / 1e12).toFixed(value >= 1e13 ? 0 : 2)}T`;
  if (value >= 1e9) return `${(value / 1e9).toFixed(value >= 1e10 ? 0 : 2)}B`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(value >= 1e7 ? 0 : 2)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  return groupDigits(value);
}
