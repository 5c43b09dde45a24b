// Display formatting shared by the UI and the memo, so the same figure reads the same everywhere.
const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdCompact = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });

export function formatUsd(value: number | null | undefined, digits: 0 | 2 = 0): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return (digits === 2 ? usd2 : usd0).format(value);
}
export const formatUsdCompact = (value: number) => usdCompact.format(value);

export function formatDateTime(date: Date | string): string {
  return new Date(date).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

const usdPrice = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });
/** A list price as published: $0.075 stays $0.075 (formatUsd(…, 2) would print $0.08). */
export function formatPrice(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return usdPrice.format(value);
}
