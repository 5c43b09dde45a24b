// Runs before every page and API request:
// - a fresh CSP nonce per page request, so scripts need no 'unsafe-inline': Next reads the
//   nonce from the request's Content-Security-Policy header and puts it on its own scripts
//   (pages are rendered per request for this; see app/layout.tsx);
// - HSTS when the request reached us over HTTPS (directly or through a proxy that says so);
// - signed-out visitors of app pages are sent to the sign-in page before any page code runs.
//   Every page and handler still checks the session and team membership itself.
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { pageCsp } from "./lib/security/csp";

const HSTS = "max-age=63072000; includeSubDomains";

function overHttps(req: NextRequest): boolean {
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? req.nextUrl.protocol.replace(":", "")) === "https";
}

function secure(req: NextRequest): NextResponse {
  const isApi = req.nextUrl.pathname.startsWith("/api/");
  let res: NextResponse;
  if (isApi) {
    res = NextResponse.next();
  } else {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    const csp = pageCsp(nonce, process.env.NODE_ENV !== "production");
    const headers = new Headers(req.headers);
    headers.set("Content-Security-Policy", csp);
    res = NextResponse.next({ request: { headers } });
    res.headers.set("Content-Security-Policy", csp);
  }
  if (overHttps(req)) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

const signedInOnly = withAuth(secure, { pages: { signIn: "/signin" } });

export default function proxy(req: NextRequest, event: NextFetchEvent) {
  // Only app pages need the session check here; reading the session costs a JWT decryption.
  return req.nextUrl.pathname.startsWith("/t/") ? signedInOnly(req as NextRequestWithAuth, event) : secure(req);
}

export const config = {
  // Everything except Next's static files (hashed, immutable, and never HTML) and usage uploads:
  // Next buffers in memory the body of every request the proxy sees, and an export can be 200 MB.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/teams/[^/]+/usage-imports).*)"],
};
