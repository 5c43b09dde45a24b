// Creates, checks and applies Prisma migrations offline through the WebAssembly schema engine.
// The Prisma CLI's native engine cannot be downloaded on these machines; this drives the same
// engine that ships as @prisma/schema-engine-wasm (pinned exactly in package.json, since this is
// an internal interface; tests/integration/migrations.test.ts catches a change).
// The committed prisma/migrations folder stays in Prisma's standard format, so
// `prisma migrate deploy` works unchanged wherever the native engine is available.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");
const LOCK_FILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

type SchemaEngine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  reset(params: unknown): Promise<void>;
  free(): void;
};

export type MigrationsList = {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: "ok"; value: string } };
  }[];
  shadowDbInitScript: string;
};

let wasmReady: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> } }> | null = null;

// The package's own entry imports the .wasm file as an ES module, which Node cannot do; so we
// instantiate it by hand with the glue module as its import object.
function loadEngineModule() {
  wasmReady ??= (async () => {
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(gluePath);
    const bytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return wasmReady;
}

export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const datamodel = readFileSync(SCHEMA_PATH, "utf8");
  const log = () => {};
  return SchemaEngine.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationsList {
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, LOCK_FILE);
  return {
    baseDir: dir,
    lockfile: { path: LOCK_FILE, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
    shadowDbInitScript: "",
  };
}

function schemaTarget() {
  return { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }] };
}

/** SQL that brings the migrations' end state to the schema; "" when they agree (no drift). */
export async function pendingSchemaChange(engine: SchemaEngine, migrations = readMigrations()): Promise<string> {
  const from = migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" };
  const result = await engine.diff({ from, to: schemaTarget(), script: true, exitCode: true, filters: NO_FILTERS });
  if (result.exitCode === 0) return "";
  return result.stdout ?? "";
}

export async function applyMigrations(engine: SchemaEngine, migrations = readMigrations()): Promise<string[]> {
  const out = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS });
  return out.appliedMigrationNames;
}

export async function resetDatabase(engine: SchemaEngine): Promise<void> {
  await engine.reset({ filter: NO_FILTERS });
}

/** Writes a new migration folder from the schema diff; returns its name, or null when in sync. */
export async function createMigration(engine: SchemaEngine, name: string, now = new Date()): Promise<string | null> {
  const sql = await pendingSchemaChange(engine);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) return null;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = `${stamp}_${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}`;
  mkdirSync(path.join(MIGRATIONS_DIR, folder), { recursive: true });
  writeFileSync(path.join(MIGRATIONS_DIR, folder, "migration.sql"), sql);
  const lock = path.join(MIGRATIONS_DIR, LOCK_FILE);
  if (!existsSync(lock)) {
    writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return folder;
}
