// Every cost is a line with its unit, quantity, unit price and source (as Infracost's resources
// do): a total is the sum of its lines, so every figure can be traced. The engine's lines are
// an item (a code with the figures its wording needs) and the numbers; describe-lines.ts writes label, unit and source.

/** What a line pays for, with the figures its label and source quote. */
export type LineItem =
  | { code: "uncached-input" | "output"; tier: "standard" | "long-context"; offPeakShare: number }
  | { code: "cached-input" | "cache-write"; unpriced: boolean }
  | { code: "batch-discount"; batchShare: number }
  | { code: "api-engineering"; fte: number; salary: number }
  | { code: "gpu-time" | "gpu-spot" | "gpu-above-commitment"; coldStarts: number | null }
  | { code: "spot-interruptions" | "gpu-committed" | "overhead-share" }
  | { code: "overhead-networking" | "overhead-storage" | "overhead-load-balancing" | "overhead-observability" }
  | { code: "people-engineering" | "people-operations"; fte: number; salary: number }
  | { code: "people-setup"; engineerWeeks: number; horizonMonths: number; salary: number }
  | { code: "people-switching"; switchesPerYear: number; weeksPerSwitch: number }
  | { code: "server-depreciation"; servers: number; capitalPerServer: number }
  | { code: "server-power"; servers: number; gpuLoadShare: number }
  | { code: "server-capital" | "server-maintenance" | "server-facility"; servers: number };

export type LineFigures = { item: LineItem; quantity: number; unitPrice: number; monthlyCost: number };

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

export function line(item: LineItem, quantity: number, unitPrice: number): LineFigures {
  return { item, quantity, unitPrice, monthlyCost: quantity * unitPrice };
}

export function total(lines: { monthlyCost: number }[]): number {
  return lines.reduce((sum, l) => sum + l.monthlyCost, 0);
}
