import type { NextConfig } from "next";
import { API_CSP } from "./lib/security/csp";

// Pages get their Content-Security-Policy with a fresh nonce from proxy.ts; API responses get
// the fixed one here. The other headers apply to everything.

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its package folder at run time; piscina
  // starts its worker threads from a file of its own package.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "piscina", "nodemailer", "pg-boss"],
  poweredByHeader: false,
  // proxy.ts buffers request bodies up to this size (Next's default is smaller than the largest
  // price file and cut it silently); lib/http.ts refuses larger bodies with 413.
  experimental: { proxyClientMaxBodySize: "25mb" },
  async headers() {
    return [
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
