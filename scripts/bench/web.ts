// The web figures of `npm run bench`: request latency of the evaluate endpoint against a trivial
// route on the same server (sequential requests, so the ratio is the cost of the work), and the
// first-load JavaScript of each page read from the production build's manifests.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { Client, ensureBuild, freshDatabase, percentile, startServer } from "../reliability/harness";

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

export type PageTiming = { page: string; interactive: Timing; loaded: Timing };

/**
 * Browser timing in Chromium against `next start`: for the scenario page, the time from
 * navigation to the workspace's "scenario-interactive" mark (hydrated, results on screen, inputs
 * answering); for the team dashboard, to its load event, as the baseline of a light page.
 */
export async function browserFigures(runs = 12): Promise<PageTiming[]> {
  ensureBuild();
  const { chromium } = await import("@playwright/test");
  const db = await freshDatabase("pglite", "bench-browser");
  const server = await startServer({ port: 3331, databaseUrl: db.url });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const u = await Client.newUser(server.base, "bench");
    const input = JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));
    const made = await u.client.request("POST", `/api/v1/teams/${u.team}/scenarios`, { name: "Bench", input });
    if (made.status !== 201) throw new Error(`creating the bench scenario answered ${made.status}`);
    const id = (made.body as { id: string }).id;
    const context = await browser.newContext();
    await context.addCookies(
      u.client.cookieHeader.split("; ").map((pair) => {
        const i = pair.indexOf("=");
        return { name: pair.slice(0, i), value: pair.slice(i + 1), url: server.base };
      }),
    );
    const page = await context.newPage();
    const measure = async (url: string, mark: string | null) => {
      const interactive: number[] = [];
      const loaded: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        await page.goto(`${server.base}${url}`, { waitUntil: "load" });
        const at = await page.evaluate(async (name) => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          if (!name) return { interactive: nav.loadEventStart, loaded: nav.loadEventStart };
          for (let k = 0; k < 200 && !performance.getEntriesByName(name).length; k++) await new Promise((r) => setTimeout(r, 25));
          const m = performance.getEntriesByName(name)[0];
          if (!m) throw new Error(`no ${name} mark`);
          return { interactive: m.startTime, loaded: nav.loadEventStart };
        }, mark);
        // The first two visits warm the server's and the browser's caches.
        if (i >= 2) {
          interactive.push(at.interactive);
          loaded.push(at.loaded);
        }
      }
      const stat = (xs: number[]): Timing => {
        xs.sort((a, b) => a - b);
        return { median: percentile(xs, 50), p90: percentile(xs, 90), runs: xs.length };
      };
      return { interactive: stat(interactive), loaded: stat(loaded) };
    };
    return [
      { page: `/t/[team] (dashboard, load event)`, ...(await measure(`/t/${u.team}`, null)) },
      { page: `/t/[team]/s/[id] (scenario, interactive)`, ...(await measure(`/t/${u.team}/s/${id}`, "scenario-interactive")) },
    ];
  } finally {
    await browser.close();
    await server.stop();
    await db.drop();
  }
}

export type UploadFigures = {
  bytes: number;
  rows: number;
  uploadMs: number;
  health: { idle: Timing; during: Timing & { p99: number } };
  serverRssMb: { before: number; peak: number };
};

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
};

/**
 * A usage export uploaded to `next start` as a signed-in editor would, while another client asks
 * GET /api/health every 50 ms: the upload's wall time, the server's resident memory, and how long
 * the health requests took meanwhile against the same requests on an idle server.
 */
export async function uploadFigures(file: string): Promise<UploadFigures> {
  ensureBuild();
  const { openAsBlob } = await import("node:fs");
  const db = await freshDatabase("pglite", "bench-upload");
  const server = await startServer({ port: 3332, databaseUrl: db.url });
  try {
    const u = await Client.newUser(server.base, "bench");
    const health = async () => {
      const t0 = performance.now();
      await fetch(`${server.base}/api/health`).then((r) => r.arrayBuffer());
      return performance.now() - t0;
    };
    const idle = await time(health, 100);
    const pid = server.child.pid!;
    const before = rssMb(pid);
    let peak = before;
    const during: number[] = [];
    let uploading = true;
    const poll = (async () => {
      while (uploading) {
        peak = Math.max(peak, rssMb(pid));
        during.push(await health());
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const form = new FormData();
    form.append("format", "generic");
    form.append("timeZone", "Europe/Berlin");
    form.append("file", await openAsBlob(file), path.basename(file));
    const t0 = performance.now();
    const res = await fetch(`${server.base}/api/v1/teams/${u.team}/usage-imports`, {
      method: "POST",
      headers: { cookie: u.client.cookieHeader, origin: server.base },
      body: form,
    });
    const body = (await res.json()) as { rowCount?: number; message?: string };
    const uploadMs = performance.now() - t0;
    uploading = false;
    await poll;
    if (res.status !== 201) throw new Error(`the upload answered ${res.status}: ${body.message}`);
    during.sort((a, b) => a - b);
    return {
      bytes: statSync(file).size,
      rows: body.rowCount ?? 0,
      uploadMs,
      health: {
        idle,
        during: { median: percentile(during, 50), p90: percentile(during, 90), p99: percentile(during, 99), runs: during.length },
      },
      serverRssMb: { before, peak },
    };
  } finally {
    await server.stop();
    await db.drop();
  }
}
