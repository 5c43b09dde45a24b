// Faults, part 4: the app is killed with SIGKILL while it fetches a price feed (the feed answers
// slowly), and started again. The refresh job must be taken again and finish once: one refresh
// recorded, one draft, whatever the number of fetches.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { createDb } from "../../lib/db";
import { createBoss, startBoss } from "../../lib/jobs/boss";
import { QUEUES } from "../../lib/jobs/queues";
import { freshDatabase, sleep, startServer, type DbKind } from "./harness";

const FEED_DELAY_MS = 4_000;

export async function feedRefreshKill(kind: DbKind, port: number, problems: string[]) {
  let fetches = 0;
  const feedServer = createServer((_req, res) => {
    fetches++;
    setTimeout(
      () => res.writeHead(200, { "content-type": "application/json" }).end(readFileSync("lib/catalog/fixtures/genai-prices-sample.json")),
      FEED_DELAY_MS,
    );
  });
  await new Promise<void>((r) => feedServer.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/data.json`;
  const db = await freshDatabase(kind, `faults-feed-${kind}`);
  const open = () => createDb(db.url);
  let holder = open();
  const feed = await holder.client.priceFeed.create({ data: { name: "Slow feed", url, format: "genai-prices", schedule: "manual" } });
  const versionsBefore = await holder.client.catalogVersion.count();
  const boss = await startBoss(createBoss(holder.handle));
  await boss.send(QUEUES.feedRefresh, { feedId: feed.id });
  await boss.stop({ graceful: true });
  await holder.client.$disconnect();
  await holder.handle.close();

  let server = await startServer({ port, databaseUrl: db.url });
  try {
    for (let i = 0; i < 200 && fetches === 0; i++) await sleep(100); // the worker has started fetching
    await sleep(FEED_DELAY_MS / 2);
    const fetchedBeforeKill = fetches;
    await server.stop("SIGKILL");
    server = await startServer({ port, databaseUrl: db.url });
    const deadline = Date.now() + 120_000;
    // The restarted instance takes the job again once its heartbeat lapses; then the draft is written.
    while (Date.now() < deadline && fetches <= fetchedBeforeKill) await sleep(250);
    await sleep(FEED_DELAY_MS + 3_000);
    await server.stop();
    holder = open();
    const refreshes = await holder.client.priceFeedRefresh.findMany({ where: { feedId: feed.id } });
    const versions = (await holder.client.catalogVersion.count()) - versionsBefore;
    await holder.client.$disconnect();
    await holder.handle.close();
    console.log(
      `feed refresh on ${kind}, SIGKILL while the feed was answering (after ${fetchedBeforeKill} fetch): ${fetches} fetches in all, ` +
        `${refreshes.length} refresh recorded (${refreshes.map((r) => r.status).join(", ")}), ${versions} draft(s) written`,
    );
    if (fetchedBeforeKill === 0) problems.push(`feed on ${kind}: the refresh had not started before the kill`);
    if (refreshes.length !== 1 || refreshes[0].status !== "draft" || versions !== 1)
      problems.push(
        `feed on ${kind}: expected one refresh ending in one draft, got ${refreshes.length} refresh(es) and ${versions} version(s)`,
      );
  } finally {
    await server.stop();
    feedServer.closeAllConnections();
    await new Promise((r) => feedServer.close(r));
    await db.drop();
  }
}
