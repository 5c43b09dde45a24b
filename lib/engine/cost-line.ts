// Every cost is a line with its unit, quantity, unit price and source (as Infracost's resources
// do): a total is the sum of its lines, so every figure can be traced. The engine's lines are
// an item code with the figures its wording needs; describe-lines.ts writes label, unit and source.

/** What a line pays for, with the figures its label and source quote. */
export type LineItem =
  | { item: "uncached-input" | "output"; tier: "standard" | "long-context"; offPeakShare: number }
  | { item: "cached-input" | "cache-write"; unpriced: boolean }
  | { item: "batch-discount"; batchShare: number }
  | { item: "api-engineering"; fte: number; salary: number }
  | { item: "gpu-time" | "gpu-spot" | "gpu-above-commitment"; coldStarts: number | null }
  | { item: "spot-interruptions" | "gpu-committed" | "overhead-share" }
  | { item: "overhead-networking" | "overhead-storage" | "overhead-load-balancing" | "overhead-observability" }
  | { item: "people-engineering" | "people-operations"; fte: number; salary: number }
  | { item: "people-setup"; engineerWeeks: number; horizonMonths: number; salary: number }
  | { item: "people-switching"; switchesPerYear: number; weeksPerSwitch: number }
  | { item: "server-depreciation"; servers: number; capitalPerServer: number }
  | { item: "server-power"; servers: number; gpuLoadShare: number }
  | { item: "server-capital" | "server-maintenance" | "server-facility"; servers: number };

export type LineFigures = LineItem & { quantity: number; unitPrice: number; monthlyCost: number };

/** A line as a reader sees it. */
export type CostLine = {
  label: string;
  unit: string;
  quantity: number;
  unitPrice: number;
  monthlyCost: number;
  source: string;
  /** Set when a price was missing and a stated fallback was used instead. */
  flag?: string;
};

export function line(what: LineItem, quantity: number, unitPrice: number): LineFigures {
  return { ...what, quantity, unitPrice, monthlyCost: quantity * unitPrice };
}

export function total(lines: { monthlyCost: number }[]): number {
  return lines.reduce((sum, l) => sum + l.monthlyCost, 0);
}
