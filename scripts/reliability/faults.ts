// `npm run faults`: two failures, with writers saving revisions the whole time.
// 1. PostgreSQL stops for 5 s in the middle of the run (then starts again): during the outage
//    requests must fail fast with 503 and a clear message, never 500 or a hang; afterwards the
//    app must serve again on its own within 5 s of PostgreSQL accepting connections; and every
//    save it acknowledged must be in the history. A browser on a team page during the outage
//    must see the error page, and its "Try again" must bring the page back once PostgreSQL is up. Needs TEST_DATABASE_URL and the right to run
//    pg_ctlcluster (root, as in CI); skipped with a message otherwise.
// 2. The app is killed with SIGKILL while it writes to the embedded PGlite store, three times:
//    it must start again on the same folder, with every acknowledged save there.
// 3. The app is killed with SIGKILL in the middle of a re-pricing run (embedded PGlite, and
//    PostgreSQL when TEST_DATABASE_URL is set): restarted, it finishes the run, every scenario
//    re-priced once, the team told once (fault-repricing.ts).
// 4. The app is killed with SIGKILL while it fetches a price feed: restarted, it records the
//    refresh once, as one draft (fault-feed.ts).
//   npm run faults -- [--only postgres|pglite]
import { execFileSync, execSync } from "node:child_process";
import { chromium, type Page } from "@playwright/test";
import { ensureBuild, freshDatabase, percentile, sleep, runScript, startServer } from "./harness";
import { Writer } from "./writers";
import { repricingKill } from "./fault-repricing";
import { feedRefreshKill } from "./fault-feed";

const WRITERS = 8;
const argv = process.argv.slice(2);
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : null;
const problems: string[] = [];

function pgCluster(): string[] | null {
  if (!process.env.TEST_DATABASE_URL) return null;
  try {
    if (process.getuid?.() !== 0) return null;
    const line = execSync("pg_lsclusters -h", { encoding: "utf8" }).trim().split("\n")[0];
    const [version, name] = line.split(/\s+/);
    return [version, name];
  } catch {
    return null;
  }
}

async function writersOn(base: string, label: string): Promise<Writer[]> {
  const ws: Writer[] = [];
  for (let i = 0; i < WRITERS; i++) ws.push(await Writer.create(base, `${label}${i}`));
  return ws;
}

/** A browser page signed in as the writer's user (its session cookie). */
async function browserAs(browser: Awaited<ReturnType<typeof chromium.launch>>, base: string, w: Writer): Promise<Page> {
  const ctx = await browser.newContext();
  const cookies = w.client.cookieHeader
    .split("; ")
    .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), url: base }));
  await ctx.addCookies(cookies);
  const page = await ctx.newPage();
  await page.goto(`${base}/t/${w.team}`);
  return page;
}

async function postgresRestart(cluster: string[]) {
  const db = await freshDatabase("postgres", "faults");
  const server = await startServer({ port: 3310, databaseUrl: db.url });
  try {
    const writers = await writersOn(server.base, "pg");
    const stop = { stopped: false };
    const running = writers.map((w) => w.loop(stop));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    const page = await browserAs(browser, server.base, writers[0]);
    await sleep(4_000);
    const down = Date.now();
    execFileSync("pg_ctlcluster", [...cluster, "stop", "-m", "fast"]);
    await sleep(1_000);
    const shown = await page.goto(`${server.base}/t/${writers[0].team}`);
    const errorPage = (await page.getByRole("heading", { name: "This page could not be loaded" }).count()) === 1;
    await sleep(4_000);
    execFileSync("pg_ctlcluster", [...cluster, "start"]);
    for (let i = 0; i < 100; i++) {
      try {
        execFileSync("pg_isready", ["-h", "127.0.0.1", "-q"]);
        break;
      } catch {
        await sleep(100);
      }
    }
    const ready = Date.now();
    await sleep(1_000);
    await page.getByRole("button", { name: "Try again" }).click();
    const back = await page
      .getByTestId("team-name")
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    await browser.close();
    await sleep(5_000);
    stop.stopped = true;
    await Promise.all(running);

    const all = writers.flatMap((w) => w.failures);
    // A request in flight when PostgreSQL stopped fails too: classify by when the answer came.
    const during = all.filter((f) => f.at + f.ms >= down);
    const statuses = [...new Set(during.map((f) => f.status))];
    const firstOk = Math.min(...writers.flatMap((w) => w.successes.filter((s) => s.at >= ready).map((s) => s.at + s.ms)));
    const recovery = (firstOk - ready) / 1000;
    const failMs = during.map((f) => f.ms).sort((a, b) => a - b);
    const missing = (await Promise.all(writers.map((w) => w.missing()))).flat();
    const acked = writers.reduce((n, w) => n + w.acks.length, 0);
    console.log(
      `postgres restart: ${acked} acknowledged saves, ${missing.length} missing afterwards; ${during.length} requests failed during the outage ` +
        `(statuses ${statuses.join(", ") || "none"}; answered in p50 ${percentile(failMs, 50)?.toFixed(0)} ms, max ${failMs.at(-1)?.toFixed(0)} ms); ` +
        `serving again ${recovery.toFixed(2)} s after PostgreSQL accepted connections`,
    );
    if (during[0]) console.log(`  e.g. ${during[0].status}: ${during[0].message}`);
    console.log(
      `  a team page during the outage: ${shown?.status()} with the error page: ${errorPage}; after "Try again" once PostgreSQL is back: ${back ? "the page" : "still failing"}`,
    );
    if (!errorPage || !back)
      problems.push("postgres: the browser did not get the error page during the outage, or did not recover with Try again");
    const before = all.filter((f) => f.at + f.ms < down);
    if (before.length)
      problems.push(`postgres: ${before.length} failures before the outage, e.g. ${before[0].status} ${before[0].message}`);
    if (statuses.some((s) => s !== 503)) problems.push(`postgres: outage answers other than 503: ${statuses.join(", ")}`);
    if (!during.length) problems.push("postgres: no request failed during the outage — was PostgreSQL really stopped?");
    if (!(recovery <= 5)) problems.push(`postgres: recovered after ${recovery.toFixed(2)} s (target 5 s)`);
    if (missing.length)
      problems.push(
        `postgres: ${missing.length} acknowledged saves lost: ${missing
          .slice(0, 3)
          .map((m) => m.marker)
          .join(", ")}`,
      );
  } finally {
    await server.stop();
    await db.drop();
  }
}

async function pgliteKill() {
  const db = await freshDatabase("pglite", "faults-kill");
  let server = await startServer({ port: 3311, databaseUrl: db.url });
  try {
    const writers = await writersOn(server.base, "kill");
    const starts: number[] = [];
    for (let round = 1; round <= 3; round++) {
      const stop = { stopped: false };
      const running = writers.map((w) => w.loop(stop));
      await sleep(3_000);
      await server.stop("SIGKILL");
      stop.stopped = true;
      await Promise.all(running);
      const t = Date.now();
      server = await startServer({ port: 3311, databaseUrl: db.url });
      starts.push((Date.now() - t) / 1000);
    }
    const missing = (await Promise.all(writers.map((w) => w.missing()))).flat();
    const acked = writers.reduce((n, w) => n + w.acks.length, 0);
    const appErrors = writers.flatMap((w) => w.failures).filter((f) => f.status >= 400);
    console.log(
      `pglite SIGKILL ×3 during writes: ${acked} acknowledged saves, ${missing.length} missing after restarts; restarts answered in ${starts.map((s) => s.toFixed(1)).join(", ")} s`,
    );
    if (missing.length)
      problems.push(
        `pglite: ${missing.length} acknowledged saves lost: ${missing
          .slice(0, 3)
          .map((m) => m.marker)
          .join(", ")}`,
      );
    if (appErrors.length)
      problems.push(`pglite: ${appErrors.length} error answers before the kills, e.g. ${appErrors[0].status} ${appErrors[0].message}`);
  } finally {
    await server.stop();
    await db.drop();
  }
}

async function main(): Promise<string[]> {
  ensureBuild();
  if (only !== "pglite") {
    const cluster = pgCluster();
    if (cluster) await postgresRestart(cluster);
    else console.log("postgres restart: skipped (needs TEST_DATABASE_URL, root and pg_ctlcluster)");
  }
  if (only !== "postgres") await pgliteKill();
  if (only !== "postgres") await repricingKill("pglite", 3312, problems);
  if (only !== "pglite" && process.env.TEST_DATABASE_URL) await repricingKill("postgres", 3313, problems);
  if (only !== "postgres") await feedRefreshKill("pglite", 3314, problems);
  return problems;
}

runScript(main);
