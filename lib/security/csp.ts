// Content Security Policies. Pages get a per-request nonce (proxy.ts); scripts run only with it
// ('strict-dynamic' lets those scripts load Next's chunks). Styles keep 'unsafe-inline': React
// and the charts set style attributes, which a nonce cannot cover, and styles cannot run code.
// API responses are JSON or files and need nothing at all.

export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
