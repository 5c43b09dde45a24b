// Re-pricing benchmark: N saved scenarios in a fresh database, a new catalog version with changed
// GPU prices, then the same re-evaluation that follows a publish in the app. While it runs, the
// event loop's delay is sampled and a trivial query is timed every 20 ms, to show that requests
// are still served. Prints one JSON line. Run by `npm run bench` (needs the react-server
// condition because lib/data is server-only):
//   tsx --conditions=react-server scripts/bench/reprice.ts pglite|postgres [count]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createDb, setTestDb } from "../../lib/db";
import { applyMigrations, openSchemaEngine } from "../../lib/database/migrations";
import { seed } from "../../lib/data/seed";
import { runRepricing } from "../../lib/data/repricing";
import { createEmptyDatabase } from "../../tests/support/test-db";
import { insertSavedScenarios, publishCheaperGpus } from "../../tests/support/saved-scenarios";

const kind = process.argv[2] === "postgres" ? "postgres" : "pglite";
const count = Number(process.argv[3] ?? 10_000);

async function main() {
  let url: string;
  let drop = async () => {};
  if (kind === "postgres") {
    if (!process.env.TEST_DATABASE_URL) throw new Error("Set TEST_DATABASE_URL (a local PostgreSQL) to benchmark on PostgreSQL.");
    ({ url, drop } = await createEmptyDatabase("postgres"));
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "breakeven-bench-db-"));
    url = `file:${dir}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const holder = createDb(url);
  try {
    const engine = await openSchemaEngine(holder.handle.factory);
    await applyMigrations(engine);
    engine.free();
    setTestDb(holder);
    const db = holder.client;
    await seed(db);
    const t0 = performance.now();
    await insertSavedScenarios(db, count);
    const insertSeconds = (performance.now() - t0) / 1000;
    const versionId = await publishCheaperGpus(db, "bench");
    const run = await db.repricingRun.create({ data: { catalogVersionId: versionId } });

    // Probes: event-loop delay, and a trivial query every 20 ms, while re-pricing runs.
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const probes: number[] = [];
    let probing = true;
    const probe = async () => {
      while (probing) {
        const s = performance.now();
        await db.$queryRawUnsafe("SELECT 1");
        probes.push(performance.now() - s);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    loop.enable();
    const probeDone = probe();
    const r0 = performance.now();
    const result = await runRepricing(run.id);
    const seconds = (performance.now() - r0) / 1000;
    probing = false;
    await probeDone;
    loop.disable();
    probes.sort((a, b) => a - b);
    const q = (p: number) => probes[Math.min(probes.length - 1, Math.floor(probes.length * p))] ?? 0;
    console.log(
      JSON.stringify({
        kind,
        count,
        insertSeconds,
        seconds,
        changed: result.changed,
        processed: result.processed,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
        probes: probes.length,
        probeP50Ms: q(0.5),
        probeP95Ms: q(0.95),
        probeMaxMs: probes.at(-1) ?? 0,
      }),
    );
  } finally {
    setTestDb(undefined);
    await holder.client.$disconnect();
    await holder.handle.close();
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
