// `npm start`: prepares configuration, migrates and seeds the database, builds the app when the
// sources changed since the last build, then serves it with `next start`.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv, EnvError } from "../../lib/env";
import { openAdapter, describeTarget } from "../../lib/database/connect";
import { applyMigrations, openSchemaEngine } from "../../lib/database/migrations";
import { createDb } from "../../lib/db";
import { demoAllowed, seed, DEMO_EMAIL, DEMO_PASSWORD } from "../../lib/data/seed";
import { reevaluateAfterEngineUpgrade } from "../../lib/data/repricing";
import { ENGINE_VERSION } from "../../lib/engine";

const DATA_DIR = path.resolve(".data");
const SOURCE_DIRS = ["app", "lib", "public", "prisma"];
const SOURCE_FILES = [
  "next.config.ts",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "package.json",
  "proxy.ts",
  "instrumentation.ts",
  "tsconfig.json",
];

function ensureSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("Created a session secret in .data/nextauth-secret (set NEXTAUTH_SECRET to use your own).");
  }
  return readFileSync(file, "utf8").trim();
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

// Stamped with the time the last successful build *started*: a source saved during a build
// makes the next start build again.
const BUILD_STAMP = path.resolve(".next/breakeven-build-started");

function buildIsCurrent(): boolean {
  if (!existsSync(path.resolve(".next/BUILD_ID")) || !existsSync(BUILD_STAMP)) return false;
  const built = statSync(BUILD_STAMP).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].every((p) => newestMtime(p) <= built);
}

async function prepareDatabase() {
  const handle = openAdapter(process.env.DATABASE_URL);
  const engine = await openSchemaEngine(handle.factory);
  const applied = await applyMigrations(engine);
  engine.free();
  await handle.close();
  console.log(`Database: ${describeTarget(handle.target)} (${applied.length} migration(s) applied).`);
  // One process may open a PGlite folder at a time: close everything before `next start`.
  const { client, handle: seedHandle } = createDb(process.env.DATABASE_URL);
  await seed(client, { demo: demoAllowed() });
  const reevaluated = await reevaluateAfterEngineUpgrade(client);
  if (reevaluated)
    console.log(
      `Cost engine ${ENGINE_VERSION}: re-evaluated ${reevaluated.processed} saved scenarios, ${reevaluated.changed} with results that moved (marked on their dashboards).`,
    );
  await client.$disconnect();
  await seedHandle.close();
}

async function main() {
  const host = process.env.HOST || "127.0.0.1";
  const port = process.env.PORT || "3000";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.NEXTAUTH_SECRET = ensureSecret();
  process.env.NEXTAUTH_URL ||= `http://${host}:${port}`;
  // With the embedded demo the demo user administers the price catalog, so drafts, imports and
  // publishing can be tried at once. In production nobody does until `npm run admin -- grant`
  // or ADMIN_EMAILS names someone.
  const demo = demoAllowed();
  if (demo) process.env.ADMIN_EMAILS ||= DEMO_EMAIL;
  try {
    parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await prepareDatabase();
  if (!buildIsCurrent() && !demo) {
    // A production deployment is built on purpose, not as a side effect of a restart.
    console.error("The production build is missing or older than the sources: run `npm run build`, then `npm start`.");
    process.exit(1);
  }
  if (!buildIsCurrent()) {
    console.log("Building the app (first start or sources changed)…");
    const started = new Date();
    const build = spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
    writeFileSync(BUILD_STAMP, started.toISOString());
    utimesSync(BUILD_STAMP, started, started);
  }
  const server = spawn("npx", ["next", "start", "--hostname", host, "--port", port], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready|started server/i.test(chunk.toString())) {
      const login = demo
        ? `Demo login: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`
        : "No demo account (production): sign up, then `npm run admin -- grant <your email>` to administer the catalog.";
      console.log(
        `\nBreakeven is running at ${process.env.NEXTAUTH_URL}\n${login}\nCatalog administrators (ADMIN_EMAILS): ${process.env.ADMIN_EMAILS || "none configured"}\n`,
      );
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
