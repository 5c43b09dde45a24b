// Plain-text number formatting for sentences the engine writes (headlines, reasons, triggers).
// Hand-rolled rather than Intl/toLocaleString: the engine formats inside hot loops (triggers,
// notes) and Intl formatting costs microseconds a call.

/** 1234567.891 → "1,234,568" (digits = 0) or "1,234,567.89" (digits = 2). */
export function groupDigits(value: number, digits = 0): string {
  const fixed = Math.abs(value).toFixed(digits);
  const dot = fixed.indexOf(".");
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  // Groups of three from the right: the first group takes what is left over.
  let end = whole.length % 3 || 3;
  let out = whole.slice(0, end);
  for (; end < whole.length; end += 3) out += "," + whole.slice(end, end + 3);
  return (value < 0 && Number(fixed) !== 0 ? "-" : "") + out + (dot < 0 ? "" : fixed.slice(dot));
}

/** Where a replica's throughput comes from, in words (screen, memo and summary say the same). */
export const THROUGHPUT_PATH_LABEL = { measured: "measured", "calibrated-roofline": "roofline calibrated on a measured row", roofline: "roofline estimate" } as const;

/** "1 replica", "3 replicas", "1,024 sequences". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${groupDigits(count)} ${count === 1 ? noun : nouns}`;
}

export function formatMoney(value: number): string {
  const abs = Math.abs(value);
  return `${value < 0 ? "−" : ""}$${groupDigits(abs, abs >= 100 ? 0 : 2)}`;
}

export function formatCount(value: number): string {
  if (value >= 1e12) return `${(value / 1e12).toFixed(value >= 1e13 ? 0 : 2)}T`;
  if (value >= 1e9) return `${(value / 1e9).toFixed(value >= 1e10 ? 0 : 2)}B`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(value >= 1e7 ? 0 : 2)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  return groupDigits(value);
}
