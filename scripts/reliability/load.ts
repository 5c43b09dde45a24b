// `npm run load`: 50 concurrent users for 60 s against `next start`, each repeating a visit —
// the team dashboard (a server-rendered page), a scenario read, an evaluation, a save of a new
// revision, the scenario list — with its own session and scenario. Runs on the embedded
// database and, when TEST_DATABASE_URL is set, on PostgreSQL; prints requests/s, latency
// percentiles and errors, and exits 1 on any error (a non-2xx answer, a timeout, a reset).
//   npm run load -- [--db pglite|postgres|both] [--users 50] [--seconds 60] [--port 3300]
import autocannon from "autocannon";
import { readFileSync } from "node:fs";
import { Client, dbKindsFromArgs, ensureBuild, freshDatabase, numberArg, percentile, runScript, startServer, type DbKind } from "./harness";

const argv = process.argv.slice(2);
const USERS = numberArg(argv, "--users", 50);
const SECONDS = numberArg(argv, "--seconds", 60);
const PORT = numberArg(argv, "--port", 3300);
const input = JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));

type User = { cookie: string; team: string; scenario: string; version: number; busy: boolean };
type Kind = "dashboard" | "read" | "evaluate" | "save" | "list";

type LoadResult = {
  db: DbKind;
  users: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  byKind: Record<Kind, { ok: number; failed: number }>;
};

/** One account per simulated user, each with a team and one scenario. */
async function seedUsers(base: string, users: number): Promise<User[]> {
  const pool: User[] = [];
  for (let i = 0; i < users; i++) {
    const u = await Client.newUser(base, "load");
    const made = await u.client.request("POST", `/api/v1/teams/${u.team}/scenarios`, { name: "Load", input });
    if (made.status !== 201) throw new Error(`scenario: ${made.status}`);
    const s = made.body as { id: string; version: number };
    pool.push({ cookie: u.client.cookieHeader, team: u.team, scenario: s.id, version: s.version, busy: false });
  }
  return pool;
}

/**
 * A connection takes a free user for one visit and gives it back at the end, so no two
 * connections save the same scenario at once (a conflict would be a correct 409, not load).
 */
function userTaker(pool: User[]): () => User {
  let next = 0;
  return () => {
    for (let i = 0; i < pool.length; i++) {
      const u = pool[(next + i) % pool.length];
      if (!u.busy) {
        next = (next + i + 1) % pool.length;
        u.busy = true;
        return u;
      }
    }
    throw new Error("no free user: more connections than users");
  };
}

type Ctx = { user?: User };

/** One visit: the dashboard, a scenario read, an evaluation, a save and the scenario list, counted by kind. */
function visit(base: string, pool: User[], byKind: LoadResult["byKind"]) {
  const take = userTaker(pool);
  const count = (k: Kind, status: number) => (status >= 200 && status < 400 ? byKind[k].ok++ : byKind[k].failed++);
  const headers = (u: User, json = false) => ({ cookie: u.cookie, origin: base, ...(json ? { "content-type": "application/json" } : {}) });
  let saves = 0;
  const call = (kind: Kind, method: string, path: (u: User) => string, body?: (u: User) => string) => ({
    setupRequest: (req: autocannon.Request, ctx: Ctx) => {
      if (kind === "dashboard") ctx.user = take();
      const u = ctx.user!;
      return { ...req, method, path: path(u), headers: headers(u, body !== undefined), ...(body ? { body: body(u) } : {}) };
    },
    onResponse: (status: number, text: string, ctx: Ctx) => {
      count(kind, status);
      if ((kind === "read" || kind === "save") && status === 200) ctx.user!.version = JSON.parse(text).version;
      if (kind === "list") ctx.user!.busy = false;
    },
  });
  return [
    call("dashboard", "GET", (u) => `/t/${u.team}`),
    call("read", "GET", (u) => `/api/v1/scenarios/${u.scenario}`),
    call(
      "evaluate",
      "POST",
      () => "/api/v1/evaluate",
      () => JSON.stringify({ input, monteCarloSamples: 0 }),
    ),
    call(
      "save",
      "PUT",
      (u) => `/api/v1/scenarios/${u.scenario}`,
      (u) => {
        const changed = { ...input, workload: { ...input.workload, requestsPerMonth: 1_000_000 + ++saves } };
        return JSON.stringify({ baseVersion: u.version, input: changed, message: "load" });
      },
    ),
    call("list", "GET", (u) => `/api/v1/teams/${u.team}/scenarios`),
  ];
}

async function runLoad(kind: DbKind, opts: { users?: number; seconds?: number; port?: number } = {}): Promise<LoadResult> {
  const users = opts.users ?? USERS;
  const seconds = opts.seconds ?? SECONDS;
  const port = opts.port ?? PORT;
  const db = await freshDatabase(kind, `load-${port}`);
  const server = await startServer({ port, databaseUrl: db.url });
  try {
    const pool = await seedUsers(server.base, users);
    const byKind = Object.fromEntries(
      (["dashboard", "read", "evaluate", "save", "list"] as Kind[]).map((k) => [k, { ok: 0, failed: 0 }]),
    ) as LoadResult["byKind"];
    const latencies: number[] = [];
    const instance = autocannon({
      url: server.base,
      connections: users,
      duration: seconds,
      timeout: 30,
      requests: visit(server.base, pool, byKind),
    } as autocannon.Options) as unknown as Promise<autocannon.Result> & { on: (event: "response", fn: (...args: never[]) => void) => void };
    instance.on("response", (_client: never, _status: never, _bytes: never, ms: number) => latencies.push(ms));
    const result = await instance;
    latencies.sort((a, b) => a - b);
    return {
      db: kind,
      users,
      seconds,
      requests: result.requests.total,
      rps: result.requests.total / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1],
      errors: result.errors + result.timeouts + result.non2xx,
      byKind,
    };
  } finally {
    await server.stop();
    await db.drop();
  }
}

function formatLoad(r: LoadResult): string {
  const kinds = Object.entries(r.byKind)
    .map(([k, v]) => `${k} ${v.ok}${v.failed ? ` (+${v.failed} failed)` : ""}`)
    .join(", ");
  return `${r.db.padEnd(8)} ${r.users} users × ${r.seconds} s: ${r.requests} requests, ${r.rps.toFixed(1)} req/s, latency p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms, errors ${r.errors}\n         ${kinds}`;
}

async function main(): Promise<string[]> {
  ensureBuild();
  const problems: string[] = [];
  for (const kind of dbKindsFromArgs(argv)) {
    const r = await runLoad(kind);
    console.log(formatLoad(r));
    if (r.errors > 0) problems.push(`${kind}: ${r.errors} errors under load`);
  }
  return problems;
}

runScript(main);
