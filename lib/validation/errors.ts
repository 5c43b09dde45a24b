import { z } from "zod";
import type { FieldErrors } from "../errors";

/** Field errors keyed by dotted path ("workload.requestsPerMonth"), for forms and API responses. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
