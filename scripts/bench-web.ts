// The web figures of `npm run bench`: request latency of the evaluate endpoint against a trivial
// route on the same server (sequential requests, so the ratio is the cost of the work), and the
// first-load JavaScript of each page read from the production build's manifests.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { Client, ensureBuild, freshDatabase, percentile, startServer } from "./reliability/harness";

export type Timing = { median: number; p90: number; runs: number };

async function time(fn: () => Promise<unknown>, runs: number): Promise<Timing> {
  for (let i = 0; i < 20; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: percentile(ms, 50), p90: percentile(ms, 90), runs };
}

export async function httpFigures(runs = 300): Promise<{ trivial: Timing; evaluate: Timing; evaluateToken: Timing; dashboard: Timing }> {
  ensureBuild();
  const db = await freshDatabase("pglite", "bench-web");
  const server = await startServer({ port: 3330, databaseUrl: db.url, env: { API_RATE_LIMIT_PER_MINUTE: "100000" } });
  try {
    const u = await Client.newUser(server.base, "bench");
    const tok = await u.client.request("POST", `/api/v1/teams/${u.team}/tokens`, { name: "bench", access: "read" });
    const withToken = new Client(server.base, (tok.body as { token: string }).token);
    const input = JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));
    const must = (status: number) => {
      if (status !== 200) throw new Error(`bench request answered ${status}`);
    };
    const trivial = await time(async () => must((await u.client.request("GET", "/api/health")).status), runs);
    const evaluate = await time(
      async () => must((await u.client.request("POST", "/api/v1/evaluate", { input, monteCarloSamples: 0 })).status),
      runs,
    );
    const evaluateToken = await time(
      async () => must((await withToken.request("POST", "/api/v1/evaluate", { input, monteCarloSamples: 0 })).status),
      runs,
    );
    const dashboard = await time(async () => must((await u.client.request("GET", `/t/${u.team}`)).status), Math.ceil(runs / 3));
    return { trivial, evaluate, evaluateToken, dashboard };
  } finally {
    await server.stop();
    await db.drop();
  }
}

/** Gzipped JavaScript a browser loads on a first visit to each page: Next's runtime + the page's chunks. */
export function firstLoadJs(): { page: string; kb: number; files: number }[] {
  ensureBuild();
  const root = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")).rootMainFiles as string[];
  const size = new Map<string, number>();
  const gz = (file: string) => {
    if (!size.has(file)) size.set(file, gzipSync(readFileSync(path.join(".next", file))).length);
    return size.get(file)!;
  };
  const manifests: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f === "page_client-reference-manifest.js") manifests.push(p);
    }
  };
  walk(".next/server/app");
  const g = globalThis as { self?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
  g.self = globalThis;
  return manifests
    .map((file) => {
      g.__RSC_MANIFEST = {};
      new Function(readFileSync(file, "utf8"))();
      const [page, m] = Object.entries(g.__RSC_MANIFEST)[0];
      const files = new Set(root);
      for (const [entry, chunks] of Object.entries(m.entryJSFiles))
        if (!entry.includes("global-error")) chunks.forEach((c) => files.add(c));
      const bytes = [...files].reduce((n, f) => n + gz(f), 0);
      return { page: page.replace(/\/page$/, "") || "/", kb: bytes / 1024, files: files.size };
    })
    .filter((p) => !p.page.startsWith("/_"))
    .sort((a, b) => a.page.localeCompare(b.page));
}
