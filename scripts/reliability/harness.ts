// What the reliability scripts (load, faults, instances) share: a fresh database of either
// kind, the built app served by `next start` on a port of its own, and an HTTP client that signs
// in like a browser (cookie, Origin) or calls with an API token.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createEmptyDatabase, type TestDbKind } from "../../tests/support/test-db";
import { latestEmail, linkIn } from "../../tests/support/outbox";

/** Every server the scripts start writes its emails here (no SMTP_URL). */
export const OUTBOX = path.resolve(".data/reliability-outbox");

export type DbKind = TestDbKind;

export function requirePostgres(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error("Set TEST_DATABASE_URL to a local PostgreSQL (postgresql://user:pass@127.0.0.1:5432/db) for the PostgreSQL runs.");
  return url;
}

/** A migrated, seeded database: a PGlite folder under .data, or a new PostgreSQL database. */
export async function freshDatabase(kind: DbKind, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  let url: string;
  let drop = async () => {};
  if (kind === "pglite") {
    const dir = path.resolve(".data", name);
    rmSync(dir, { recursive: true, force: true });
    url = `file:${dir}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    requirePostgres();
    ({ url, drop } = await createEmptyDatabase("postgres"));
  }
  for (const command of ["deploy", "seed"]) {
    const r = spawnSync("npx", ["tsx", "scripts/bin/db.ts", command], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`db ${command} failed: ${r.stderr || r.stdout}`);
  }
  return { url, drop };
}

export function ensureBuild(): void {
  if (existsSync(".next/BUILD_ID") && existsSync(".build/memo-worker.mjs") && existsSync(".build/reprice-worker.mjs")) return;
  console.log("No production build yet: running npm run build…");
  const r = spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("the build failed");
}

export const SECRET = "reliability-secret-reliability-secret-0123";

export type Server = {
  base: string;
  port: number;
  child: ChildProcess;
  log: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** `next start` on the built app; resolves once it answers. */
export async function startServer(opts: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<Server> {
  const base = `http://127.0.0.1:${opts.port}`;
  // Something already answering there would be measured instead of this build.
  const stray = await fetch(`${base}/api/health`).then(
    () => true,
    () => false,
  );
  if (stray) throw new Error(`port ${opts.port} is already in use: stop what is serving ${base} first`);
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(opts.port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: opts.databaseUrl,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: SECRET,
        ADMIN_EMAILS: "demo@breakeven.local",
        MAIL_OUTBOX_DIR: OUTBOX,
        SIGNUP_LIMIT_PER_HOUR: "100000",
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on ${opts.port} exited:\n${output}`);
    try {
      if ((await fetch(`${base}/signin`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start on ${opts.port} did not answer within 60 s:\n${output}`);
    await sleep(250);
  }
  return {
    base,
    port: opts.port,
    child,
    log: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Reply = { status: number; body: unknown; ms: number };

/** A browser-like caller: a session cookie and the Origin header; or a bearer token. */
export class Client {
  private cookies = new Map<string, string>();
  /** Sent as X-Forwarded-For, as a reverse proxy would: the client address rate limits see. */
  forwardedFor?: string;
  constructor(
    public base: string,
    private token?: string,
  ) {}

  /** The same session against another instance. */
  on(base: string): Client {
    const c = new Client(base, this.token);
    c.cookies = new Map(this.cookies);
    return c;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(method: string, path: string, body?: unknown, form?: Record<string, string>, timeoutMs = 30_000): Promise<Reply> {
    const headers: Record<string, string> = { origin: this.base };
    if (this.forwardedFor) headers["x-forwarded-for"] = this.forwardedFor;
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(form).toString();
    } else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const started = performance.now();
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: payload,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, ms: performance.now() - started };
  }

  /** One credentials sign-in: "signed in", or the error next-auth reports (e.g. CredentialsSignin, TooManyAttempts:4). */
  async tryCredentials(email: string, password: string): Promise<string> {
    const { body } = await this.request("GET", "/api/auth/csrf");
    const csrfToken = (body as { csrfToken: string }).csrfToken;
    const r = await this.request("POST", "/api/auth/callback/credentials", undefined, {
      csrfToken,
      email,
      password,
      json: "true",
      callbackUrl: this.base,
    });
    const url = (r.body as { url?: string } | null)?.url ?? "";
    const error = url ? new URL(url, this.base).searchParams.get("error") : `HTTP ${r.status}`;
    return error ?? "signed in";
  }

  async signIn(email: string, password: string): Promise<void> {
    const { body } = await this.request("GET", "/api/auth/csrf");
    const csrfToken = (body as { csrfToken: string }).csrfToken;
    await this.request("POST", "/api/auth/callback/credentials", undefined, {
      csrfToken,
      email,
      password,
      json: "true",
      callbackUrl: this.base,
    });
    const session = (await this.request("GET", "/api/auth/session")).body as { user?: { email?: string } } | null;
    if (session?.user?.email !== email) throw new Error(`sign-in of ${email} failed`);
  }

  /** A new account (with its own team), its address confirmed through the emailed link, signed in. */
  static async newUser(base: string, label = "user"): Promise<{ client: Client; email: string; password: string; team: string }> {
    const id = randomBytes(5).toString("hex");
    const email = `${label}-${id}@example.com`;
    const password = `pw-${id}-long-enough`;
    const client = new Client(base);
    const since = new Date();
    const r = await client.request("POST", "/api/signup", { name: `${label} ${id}`, email, password });
    if (r.status !== 201) throw new Error(`sign-up failed: ${r.status} ${JSON.stringify(r.body)}`);
    const token = linkIn(await latestEmail(email, /Confirm your email/, since, { dir: OUTBOX })).searchParams.get("token");
    const confirmed = await client.request("POST", "/api/account/verify-email", { token });
    if (confirmed.status !== 200) throw new Error(`confirming ${email} failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    await client.signIn(email, password);
    return { client, email, password, team: (r.body as { team: { slug: string } }).team.slug };
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function dbKindsFromArgs(argv: string[]): DbKind[] {
  const i = argv.indexOf("--db");
  const wanted = i >= 0 ? argv[i + 1] : process.env.TEST_DATABASE_URL ? "both" : "pglite";
  if (wanted === "both") return ["pglite", "postgres"];
  if (wanted === "pglite" || wanted === "postgres") return [wanted];
  throw new Error(`--db must be pglite, postgres or both (got ${wanted})`);
}

export function numberArg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}

/** Runs a reliability script: exit 1 listing the problems it returns (or its crash), else 0. */
export function runScript(main: () => Promise<string[]>): void {
  main().then(
    (problems) => {
      if (problems.length) console.error(`\nFAILED:\n- ${problems.join("\n- ")}`);
      process.exit(problems.length ? 1 : 0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
