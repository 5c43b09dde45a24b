// One error type with codes, and one mapping from code to HTTP status.
export type ErrorCode =
  "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "too_large" | "unavailable" | "internal";

export type FieldErrors = Record<string, string[]>;

const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
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

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001",
  "P1002",
  "P1017",
]);
const UNREACHABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|database system is (shutting down|starting up|in recovery mode)|Can't reach database|Server has closed the connection|timeout exceeded when trying to connect|DatabaseNotReachable|ConnectionClosed|connection error and is not queryable/i;

/** True when an error (or one it wraps) says the database cannot be reached right now. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, kind, message, originalCode } = e as { code?: unknown; kind?: unknown; message?: unknown; originalCode?: unknown };
    if (
      (typeof code === "string" && UNREACHABLE_CODES.has(code)) ||
      (typeof originalCode === "string" && UNREACHABLE_CODES.has(originalCode))
    )
      return true;
    if (typeof kind === "string" && /NotReachable|ConnectionClosed|SocketTimeout/.test(kind)) return true;
    if (typeof message === "string" && UNREACHABLE_TEXT.test(message)) return true;
  }
  return false;
}

/** Problem-style JSON body; an unexpected error becomes a generic message (the stack goes to the log). */
export function toProblem(error: unknown): { status: number; body: { code: ErrorCode; message: string; fieldErrors?: FieldErrors } } {
  if (error instanceof AppError) {
    return { status: error.status, body: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
  }
  if (isDatabaseUnreachable(error)) {
    console.error(`database unreachable: ${error instanceof Error ? error.message : String(error)}`);
    return {
      status: 503,
      body: { code: "unavailable", message: "The database is not reachable at the moment. Try again in a few seconds." },
    };
  }
  console.error(error);
  return { status: 500, body: { code: "internal", message: "Something went wrong on our side." } };
}
