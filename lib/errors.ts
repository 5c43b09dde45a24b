// One error type with codes, and one mapping from code to HTTP status.
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "internal";

export type FieldErrors = Record<string, string[]>;

const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** Seconds until a rate-limited request may be retried (sent as Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);

/** Problem-style JSON body; an unexpected error becomes a generic message (the stack goes to the log). */
export function toProblem(error: unknown): { status: number; body: { code: ErrorCode; message: string; fieldErrors?: FieldErrors } } {
  if (error instanceof AppError) {
    return { status: error.status, body: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
  }
  console.error(error);
  return { status: 500, body: { code: "internal", message: "Something went wrong on our side." } };
}
