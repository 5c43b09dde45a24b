import { describe, expect, test } from "vitest";
import { openAdapter } from "../../lib/database/connect";
import { applyMigrations, openSchemaEngine, pendingSchemaChange, readMigrations } from "../../lib/database/migrations";
import { createEmptyDatabase, testDbKinds } from "../support/test-db";

describe.each(testDbKinds())("migrations on an empty %s database", (kind) => {
  test("apply every migration, then apply nothing on a second run", async () => {
    const { url, drop } = await createEmptyDatabase(kind);
    const handle = openAdapter(url);
    try {
      const engine = await openSchemaEngine(handle.factory);
      const first = await applyMigrations(engine);
      expect(first).toEqual(readMigrations().migrationDirectories.map((d) => d.path));
      expect(first.length).toBeGreaterThan(0);
      const second = await applyMigrations(engine);
      expect(second).toEqual([]);
      engine.free();
    } finally {
      await handle.close();
      await drop();
    }
  });
});

test("the schema and the committed migrations agree (no drift)", async () => {
  const handle = openAdapter("memory://");
  try {
    const engine = await openSchemaEngine(handle.factory);
    expect(await pendingSchemaChange(engine)).toBe("");
    engine.free();
  } finally {
    await handle.close();
  }
});

test("a schema change the migrations lack is reported as drift", async () => {
  const handle = openAdapter("memory://");
  try {
    const engine = await openSchemaEngine(handle.factory);
    const migrations = readMigrations();
    // Drop the last statement block of the first migration: the diff must want it back.
    const dir = migrations.migrationDirectories[0];
    const sql = dir.migrationFile.content.value;
    const truncated = sql.replace(/-- CreateTable\s+CREATE TABLE "RateLimit"[\s\S]*?\);\s*/, "");
    expect(truncated).not.toBe(sql);
    const drift = await pendingSchemaChange(engine, {
      ...migrations,
      migrationDirectories: [
        { ...dir, migrationFile: { ...dir.migrationFile, content: { tag: "ok", value: truncated } } },
        ...migrations.migrationDirectories.slice(1),
      ],
    });
    expect(drift).toContain('CREATE TABLE "RateLimit"');
    engine.free();
  } finally {
    await handle.close();
  }
});
