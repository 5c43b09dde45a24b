import { NextResponse } from "next/server";
import { AppError, toProblem } from "./errors";
import { runRequest } from "./auth/request-scope";
import { assertNoUnsafeText } from "./validation/unsafe";
import { env } from "./env";

/** Wraps a route handler: AppErrors become problem JSON with their status, anything else a 500. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return (...args: A): Promise<Response> =>
    runRequest(async () => {
      try {
        return await fn(...args);
      } catch (error) {
        const { status, body } = toProblem(error);
        const retryAfter = error instanceof AppError ? error.retryAfter : status === 503 ? 5 : undefined;
        const headers: Record<string, string> = { "Cache-Control": NO_STORE };
        if (retryAfter) headers["Retry-After"] = String(retryAfter);
        return NextResponse.json({ status, ...body }, { status, headers });
      }
    });
}

/** API answers carry team data: no browser or proxy may keep them. */
const NO_STORE = "no-store";

/** The largest request body: a 20 MB price file, JSON-encoded with its options, fits. */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;

/**
 * The JSON body, or undefined when it is not JSON (the schema then names what is missing).
 * A body over MAX_BODY_BYTES is 413; a string with a control character, or a key such as
 * __proto__ or constructor, is 422 naming the field.
 */
export async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  let text: string;
  try {
    text = await req.text();
  } catch {
    return undefined;
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  assertNoUnsafeText(body);
  return body;
}

const tooLarge = () => new AppError("too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);

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
    if (json && !(req.headers.get("content-type") ?? "").includes("application/json"))
      throw new AppError("validation", "Send the body as JSON (Content-Type: application/json).");
    return;
  }
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const host = req.headers.get("host");
  const sameOrigin = origin ? originHost(origin) === host : site === "same-origin" || site === null;
  if (!sameOrigin) throw new AppError("forbidden", "Cross-site request refused.");
  if (json && !(req.headers.get("content-type") ?? "").includes("application/json")) {
    throw new AppError("validation", "Send the body as JSON (Content-Type: application/json).");
  }
}

/** The host of an Origin header; null for "null" (sandboxed frames, file: pages) and anything that does not parse. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

export const json = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: { "Cache-Control": NO_STORE } });

/**
 * The client's address for rate limits: the TRUSTED_PROXY_HOPS-th entry from the right of
 * X-Forwarded-For. Next.js fills that header from the socket when a client did not send one, and
 * each reverse proxy appends the address it saw, so entries left of the trusted ones are the
 * client's to forge.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>, hops = env().TRUSTED_PROXY_HOPS): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const entries = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)] ?? "unknown";
}
