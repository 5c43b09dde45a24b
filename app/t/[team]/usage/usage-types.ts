import type { UsageAggregate } from "@/lib/usage/aggregate";
import type { DerivedUsage } from "@/lib/usage/derive";
import type { RowIssue } from "@/lib/usage/formats";

/** A usage import as the API answers with it (dates as strings). */
export type UsageImportView = {
  id: string;
  fileName: string;
  fileBytes: number;
  sha256: string;
  format: string;
  timeZone: string;
  periodStart: string;
  periodEnd: string;
  rowCount: number;
  badRowCount: number;
  badRows: RowIssue[];
  aggregate: UsageAggregate;
  derived: DerivedUsage;
};
