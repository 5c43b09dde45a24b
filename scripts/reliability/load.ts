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

async function runLoad(kind: DbKind, opts: { users?: number; seconds?: number; port?: number } = {}): Promise<LoadResult> {
  const users = opts.users ?? USERS;
  const seconds = opts.seconds ?? SECONDS;
  const port = opts.port ?? PORT;
  const db = await freshDatabase(kind, `load-${port}`);
  const server = await startServer({ port, databaseUrl: db.url });
  try {
    // Each user: an account with a team and one scenario.
    const pool: User[] = [];
    for (let i = 0; i < users; i++) {
      const u = await Client.newUser(server.base, "load");
      const made = await u.client.request("POST", `/api/v1/teams/${u.team}/scenarios`, { name: "Load", input });
      if (made.status !== 201) throw new Error(`scenario: ${made.status}`);
      const s = made.body as { id: string; version: number };
      pool.push({ cookie: u.client.cookieHeader, team: u.team, scenario: s.id, version: s.version, busy: false });
    }
    // A connection takes a free user for one visit and gives it back at the end, so no two
    // connections save the same scenario at once (a conflict would be a correct 409, not load).
    let next = 0;
    const take = (): User => {
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
    const byKind = Object.fromEntries(
      (["dashboard", "read", "evaluate", "save", "list"] as Kind[]).map((k) => [k, { ok: 0, failed: 0 }]),
    ) as LoadResult["byKind"];
    const count = (k: Kind, status: number) => (status >= 200 && status < 400 ? byKind[k].ok++ : byKind[k].failed++);
    type Ctx = { user?: User };
    const headers = (u: User, json = false) => ({
      cookie: u.cookie,
      origin: server.base,
      ...(json ? { "content-type": "application/json" } : {}),
    });
    let saves = 0;

    const latencies: number[] = [];
    const instance = autocannon({
      url: server.base,
      connections: users,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          setupRequest: (req: autocannon.Request, ctx: Ctx) => {
            ctx.user = take();
            return { ...req, method: "GET", path: `/t/${ctx.user.team}`, headers: headers(ctx.user) };
          },
          onResponse: (status: number) => count("dashboard", status),
        },
        {
          setupRequest: (req: autocannon.Request, ctx: Ctx) => ({
            ...req,
            method: "GET",
            path: `/api/v1/scenarios/${ctx.user!.scenario}`,
            headers: headers(ctx.user!),
          }),
          onResponse: (status: number, body: string, ctx: Ctx) => {
            count("read", status);
            if (status === 200) ctx.user!.version = JSON.parse(body).version;
          },
        },
        {
          setupRequest: (req: autocannon.Request, ctx: Ctx) => ({
            ...req,
            method: "POST",
            path: "/api/v1/evaluate",
            headers: headers(ctx.user!, true),
            body: JSON.stringify({ input, monteCarloSamples: 0 }),
          }),
          onResponse: (status: number) => count("evaluate", status),
        },
        {
          setupRequest: (req: autocannon.Request, ctx: Ctx) => {
            const u = ctx.user!;
            const changed = { ...input, workload: { ...input.workload, requestsPerMonth: 1_000_000 + ++saves } };
            return {
              ...req,
              method: "PUT",
              path: `/api/v1/scenarios/${u.scenario}`,
              headers: headers(u, true),
              body: JSON.stringify({ baseVersion: u.version, input: changed, message: "load" }),
            };
          },
          onResponse: (status: number, body: string, ctx: Ctx) => {
            count("save", status);
            if (status === 200) ctx.user!.version = JSON.parse(body).version;
          },
        },
        {
          setupRequest: (req: autocannon.Request, ctx: Ctx) => ({
            ...req,
            method: "GET",
            path: `/api/v1/teams/${ctx.user!.team}/scenarios`,
            headers: headers(ctx.user!),
          }),
          onResponse: (status: number, _body: string, ctx: Ctx) => {
            count("list", status);
            ctx.user!.busy = false;
          },
        },
      ],
    } as autocannon.Options) as unknown as Promise<autocannon.Result> & { on: (event: "response", fn: (...args: never[]) => void) => void };
    instance.on("response", (_client: never, _status: never, _bytes: never, ms: number) => latencies.push(ms));
    const result = await instance;
    latencies.sort((a, b) => a - b);
    const errors = result.errors + result.timeouts + result.non2xx;
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
      errors,
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
