import { formatUsdCompact } from "@/lib/format/numbers";

export const moneyAxis = (value: number) => formatUsdCompact(value);
export const CHART_COLORS = ["blue", "emerald", "amber", "rose", "violet", "cyan", "slate", "indigo"];
