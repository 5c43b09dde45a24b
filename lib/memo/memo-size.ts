// How much a memo lays out, counted before its pages are: table rows and assumption lines.
import type { MemoContent } from "./content";

/** Rows a PDF memo may hold: about 40 pages, rendered well within the time limit. */
export const MAX_MEMO_ROWS = 1500;

/** Every row a memo lays out: cost, breakeven, assumption, cost-line and constraint rows. */
export function memoRows(memo: MemoContent): number {
  let rows = memo.summary?.rows.length ?? 0;
  for (const d of memo.differences ?? []) rows += d.outcome.length + d.drivers.length + (d.changes?.rows.length ?? 0);
  for (const s of memo.scenarios) {
    rows += (s.sizingTable?.rows.length ?? 0) + s.costTable.rows.length + s.breakeven.length + s.warnings.length + s.triggers.length;
    rows += s.assumptions.reduce((n, g) => n + g.items.length, 0);
    rows += s.costLines.reduce((n, x) => n + x.table.rows.length, 0);
    rows += s.constraints.reduce((n, c) => n + c.checks.length, 0);
  }
  return rows;
}
