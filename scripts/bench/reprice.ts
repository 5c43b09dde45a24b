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
import { seed, DEMO_EMAIL, DEMO_TEAM_SLUG } from "../../lib/data/seed";
import { runRepricing } from "../../lib/data/repricing";
import { demoScenarios } from "../../lib/data/demo-scenarios";
import { evaluateScenario } from "../../lib/engine";
import { summarize } from "../../lib/engine";
import { createEmptyDatabase } from "../../tests/support/test-db";

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
    const reference = await db.catalogVersion.findFirstOrThrow({ where: { published: true } });
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    const team = await db.team.findUniqueOrThrow({ where: { slug: DEMO_TEAM_SLUG } });

    // Saved scenarios: the three examples at 20 volumes each, summaries computed once per variant.
    const variants = demoScenarios().flatMap((d) =>
      Array.from({ length: 20 }, (_, k) => {
        const input = {
          ...d.input,
          workload: { ...d.input.workload, requestsPerMonth: Math.round(d.input.workload.requestsPerMonth * (0.25 + k * 0.25)) },
        };
        return { name: d.name, input, summary: summarize(evaluateScenario(input, { monteCarloSamples: 0 })) };
      }),
    );
    const t0 = performance.now();
    for (let start = 0; start < count; start += 1000) {
      const ids = Array.from({ length: Math.min(1000, count - start) }, (_, i) => start + i);
      await db.scenario.createMany({
        data: ids.map((i) => ({
          id: `bench-s-${i}`,
          teamId: team.id,
          name: `${variants[i % variants.length].name} #${i}`,
          createdById: user.id,
        })),
      });
      await db.scenarioRevision.createMany({
        data: ids.map((i) => ({
          id: `bench-r-${i}`,
          scenarioId: `bench-s-${i}`,
          number: 1,
          input: variants[i % variants.length].input as object,
          summary: variants[i % variants.length].summary as object,
          catalogVersionId: reference.id,
          authorId: user.id,
        })),
      });
    }
    await db.$executeRawUnsafe(
      `UPDATE "Scenario" s SET "currentRevisionId" = r.id FROM "ScenarioRevision" r WHERE r."scenarioId" = s.id AND s."currentRevisionId" IS NULL`,
    );
    const insertSeconds = (performance.now() - t0) / 1000;

    // A published version with the reference rows, H200s and L40Ss cheaper.
    const version = await db.catalogVersion.create({
      data: { label: "bench", effectiveDate: new Date(), published: true, publishedAt: new Date() },
    });
    const strip = <T extends { id: string; catalogVersionId: string }>({ id: _id, catalogVersionId: _v, ...rest }: T) => ({
      ...rest,
      catalogVersionId: version.id,
    });
    await db.apiPrice.createMany({ data: (await db.apiPrice.findMany({ where: { catalogVersionId: reference.id } })).map(strip) });
    await db.gpuOffer.createMany({
      data: (await db.gpuOffer.findMany({ where: { catalogVersionId: reference.id } })).map((o) => ({
        ...strip(o),
        pricePerGpuHour: o.gpuType === "H200 SXM" || o.gpuType === "L40S" ? o.pricePerGpuHour * 0.6 : o.pricePerGpuHour,
      })),
    });
    const run = await db.repricingRun.create({ data: { catalogVersionId: version.id } });

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
