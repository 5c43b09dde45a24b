// Display formatting shared by the UI and the memo, so the same figure reads the same everywhere.
// minimumFractionDigits is explicit: Node and browsers default it differently for currency, and a
// "$0.0" on the server against "$0" in the browser breaks hydration.
const usdCompact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

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

/**
 * Money as every screen, memo and engine sentence prints it: whole dollars from $100, cents
 * below (a $45.50 line is not "$46" in one place and "$45.50" in another); `digits` forces one.
 */
export function formatUsd(value: number | null | undefined, digits?: 0 | 2): string {
  if (value == null || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  const d = digits ?? (abs >= 100 ? 0 : 2);
  return `${value < 0 && Number(abs.toFixed(d)) !== 0 ? "−" : ""}$${groupDigits(abs, d)}`;
}
export const formatUsdCompact = (value: number) => usdCompact.format(value);
const countCompact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
/** An axis tick: 2,000,000 → "2M", 500,000 → "500K". */
export const formatCountCompact = (value: number) => countCompact.format(value);

export function formatDateTime(date: Date | string): string {
  return new Date(date).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

const usdPrice = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });
/** A list price as published: $0.075 stays $0.075 (formatUsd(…, 2) would print $0.08). */
export function formatPrice(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return usdPrice.format(value);
}

/** A typed figure as the number fields show it: whole part grouped ("8,000,000", "0.375" as is). */
export function formatFieldNumber(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "";
  const text = String(value);
  if (/e/i.test(text)) return text;
  const [whole, fraction] = text.split(".");
  return `${value < 0 ? "-" : ""}${groupDigits(Math.abs(Number(whole)))}${fraction ? `.${fraction}` : ""}`;
}

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * What a number field's text means: separators (commas, spaces, underscores) are ignored and
 * k, M or B multiply ("8M" = 8,000,000). Empty or unreadable text is NaN, which the schema
 * reports as "must be a number" on that field.
 */
export function parseFieldNumber(text: string): number {
  const t = text.trim().replace(/[,\s_]/g, "");
  if (t === "") return Number.NaN;
  const m = /^(-?\d*\.?\d+(?:e[+-]?\d+)?)([kmb])?$/i.exec(t);
  if (!m) return Number.NaN;
  const n = Number(m[1]) * (m[2] ? SUFFIX[m[2].toLowerCase()] : 1);
  // 0.1 × 1e6 must read as 100,000, not 100000.00000000001.
  return m[2] ? Number(n.toPrecision(12)) : n;
}

/** A share as a percentage to one decimal at most: 0.35 → "35%", 0.125 → "12.5%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
