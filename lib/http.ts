import { NextResponse } from "next/server";
import { AppError, toProblem } from "./errors";
import { runRequest } from "./auth/request-scope";

/** Wraps a route handler: AppErrors become problem JSON with their status, anything else a 500. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return (...args: A): Promise<Response> =>
    runRequest(async () => {
      try {
        return await fn(...args);
      } catch (error) {
        const { status, body } = toProblem(error);
        const retryAfter = error instanceof AppError ? error.retryAfter : status === 503 ? 5 : undefined;
        const headers = retryAfter ? { "Retry-After": String(retryAfter) } : undefined;
        return NextResponse.json({ status, ...body }, { status, headers });
      }
    });
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    return undefined;
  }
}

/** The API token a request carries as `Authorization: Bearer <token>`, or null. */
export function bearerToken(req: Request): string | null {
  return req.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
}

/**
 * CSRF defence for cookie-authenticated mutations: the browser must say the request comes from
 * this site (Origin, or Sec-Fetch-Site for same-origin fetches) and send JSON, which a form on
 * another site cannot.
 */
export function assertSameOrigin(req: Request, { json = true }: { json?: boolean } = {}): void {
  // A bearer token is not sent by browsers on their own, so it needs no origin check.
  if (bearerToken(req)) {
    if (json && !(req.headers.get("content-type") ?? "").includes("application/json")) throw new AppError("validation", "Send the body as JSON (Content-Type: application/json).");
    return;
  }
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const host = req.headers.get("host");
  const sameOrigin = origin ? new URL(origin).host === host : site === "same-origin" || site === null;
  if (!sameOrigin) throw new AppError("forbidden", "Cross-site request refused.");
  if (json && !(req.headers.get("content-type") ?? "").includes("application/json")) {
    throw new AppError("validation", "Send the body as JSON (Content-Type: application/json).");
  }
}

export const json = (body: unknown, status = 200) => NextResponse.json(body, { status });
