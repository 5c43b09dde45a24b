// A fresh, migrated database per test file: in-memory PGlite always, and a throw-away
// PostgreSQL database when TEST_DATABASE_URL is set. Refuses non-local PostgreSQL servers.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { createDb, setTestDb } from "../../lib/db";
import { stopBoss } from "../../lib/jobs/boss";
import { openSchemaEngine, applyMigrations } from "../../lib/database/migrations";

export type TestDbKind = "pglite" | "postgres";

export function testDbKinds(): TestDbKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}). Point TEST_DATABASE_URL at localhost.`);
  }
}

/** Creates an empty database and returns its URL plus a function that drops it. */
export async function createEmptyDatabase(kind: TestDbKind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === "pglite") return { url: "memory://", drop: async () => {} };
  const admin = process.env.TEST_DATABASE_URL!;
  assertLocalDatabase(admin);
  const name = `breakeven_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type TestDb = Awaited<ReturnType<typeof openTestDb>>;

/** An empty database with all migrations applied, installed as the app's database. */
export async function openTestDb(kind: TestDbKind) {
  const { url, drop } = await createEmptyDatabase(kind);
  const holder = createDb(url);
  const engine = await openSchemaEngine(holder.handle.factory);
  await applyMigrations(engine);
  engine.free();
  setTestDb(holder);
  return {
    kind,
    url,
    db: holder.client,
    async close() {
      await stopBoss();
      setTestDb(undefined);
      await holder.client.$disconnect();
      await holder.handle.close();
      await drop();
    },
  };
}
