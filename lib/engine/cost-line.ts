// Every cost is a line with its unit, quantity, unit price and source (as Infracost's resources
// do): a total is the sum of its lines, so every figure can be traced.
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

export function line(label: string, unit: string, quantity: number, unitPrice: number, source: string, flag?: string): CostLine {
  const l: CostLine = { label, unit, quantity, unitPrice, monthlyCost: quantity * unitPrice, source };
  if (flag) l.flag = flag;
  return l;
}

export function total(lines: CostLine[]): number {
  return lines.reduce((sum, l) => sum + l.monthlyCost, 0);
}
