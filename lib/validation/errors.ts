import { z } from "zod";
import { AppError, type FieldErrors } from "../errors";
import { assertNoUnsafeText } from "./unsafe";

/** Field errors keyed by dotted path ("workload.requestsPerMonth"), for forms and API responses. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses a mutation's input, or throws a 422 AppError with field errors (nothing is written). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  assertNoUnsafeText(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation", "Please correct the highlighted fields.", zodFieldErrors(parsed.error));
  return parsed.data;
}
