// Re-pricing as jobs across app instances: N saved scenarios in a fresh PostgreSQL database, then a
// published version with cheaper GPUs re-priced by one `next start` instance, and again (another
// version, same prices) by two instances sharing the queue. Meanwhile GET /api/health is timed on
// the first instance, as a user of a serving instance would wait. Prints one JSON line.
//   tsx --conditions=react-server scripts/bench/jobs.ts [count]
import { createDb } from "../../lib/db";
import { seed } from "../../lib/data/seed";
import { createBoss, startBoss } from "../../lib/jobs/boss";
import { QUEUES } from "../../lib/jobs/queues";
import { insertSavedScenarios, publishCheaperGpus } from "../../tests/support/saved-scenarios";
import { ensureBuild, freshDatabase, percentile, sleep, startServer } from "../reliability/harness";

const count = Number(process.argv[2] ?? 100_000);

async function main() {
  ensureBuild();
  const db = await freshDatabase("postgres", "bench-jobs");
  const holder = createDb(db.url);
  const client = holder.client;
  try {
    await seed(client, { demo: true });
    const t0 = performance.now();
    await insertSavedScenarios(client, count);
    const insertSeconds = (performance.now() - t0) / 1000;
    const boss = await startBoss(createBoss(holder.handle));
    const results = [];
    for (const instances of [1, 2]) {
      const servers = [];
      for (let i = 0; i < instances; i++) servers.push(await startServer({ port: 3330 + i, databaseUrl: db.url }));
      try {
        const versionId = await publishCheaperGpus(client, `bench, ${instances} instance(s)`);
        const run = await client.repricingRun.create({ data: { catalogVersionId: versionId } });
        const probes: number[] = [];
        let probing = true;
        const probe = (async () => {
          while (probing) {
            const s = performance.now();
            await fetch(`${servers[0].base}/api/health`).then((r) => r.arrayBuffer());
            probes.push(performance.now() - s);
            await sleep(50);
          }
        })();
        const start = performance.now();
        await boss.send(QUEUES.repricingPlan, { runId: run.id });
        let done = null;
        while (!done) {
          await sleep(250);
          const r = await client.repricingRun.findUniqueOrThrow({ where: { id: run.id } });
          if (r.status === "failed") throw new Error(`the run failed: ${r.error}`);
          if (r.status === "done") done = r;
        }
        const seconds = (performance.now() - start) / 1000;
        probing = false;
        await probe;
        probes.sort((a, b) => a - b);
        results.push({
          instances,
          seconds,
          processed: done.processed,
          changed: done.changed,
          batches: done.batches,
          healthP50Ms: percentile(probes, 50),
          healthP99Ms: percentile(probes, 99),
          healthMaxMs: probes.at(-1) ?? 0,
          probes: probes.length,
        });
      } finally {
        for (const s of servers) await s.stop();
      }
    }
    await boss.stop({ graceful: true });
    console.log(JSON.stringify({ count, insertSeconds, results }));
  } finally {
    await client.$disconnect();
    await holder.handle.close();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
