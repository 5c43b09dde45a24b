// Faults, part 3: the app is killed with SIGKILL in the middle of a re-pricing run and started
// again. The run must finish by itself, every scenario re-priced exactly once (the same rows as
// an uninterrupted run over the same prices, none twice, none skipped), and the team told once:
// one email, one webhook POST.
import { createDb } from "../../lib/db";
import { runRepricing } from "../../lib/data/repricing";
import { seed, DEMO_EMAIL, DEMO_TEAM_SLUG } from "../../lib/data/seed";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createBoss, startBoss } from "../../lib/jobs/boss";
import { QUEUES } from "../../lib/jobs/queues";
import { insertSavedScenarios, publishCheaperGpus } from "../../tests/support/saved-scenarios";
import { Client, OUTBOX, freshDatabase, sleep, startServer, type DbKind } from "./harness";

const SCENARIOS = 3_000;

type Run = { status: string; processed: number; total: number; changed: number };

/** Opens the database in this process (never while a server has the embedded folder open). */
async function withDb<T>(url: string, work: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const holder = createDb(url);
  try {
    return await work(holder);
  } finally {
    await holder.client.$disconnect();
    await holder.handle.close();
  }
}

async function waitFor(admin: Client, runId: string, until: (run: Run) => boolean, seconds: number): Promise<Run | null> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const reply = await admin.request("GET", `/api/v1/catalog/runs/${runId}`).catch(() => null);
    const run = reply?.status === 200 ? (reply.body as Run) : null;
    if (run && until(run)) return run;
    await sleep(100);
  }
  return null;
}

/** A webhook receiver that counts deliveries by their delivery id. */
async function webhookReceiver() {
  const deliveries: string[] = [];
  const server = createServer((req, res) => {
    deliveries.push(String(req.headers["x-breakeven-delivery"]));
    req.resume();
    req.on("end", () => res.writeHead(200).end());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** A saved workspace with notifications and a webhook, and a re-pricing run of cheaper GPUs queued for the server. */
function runToKill(dbUrl: string, webhookUrl: string, label: string): Promise<string> {
  return withDb(dbUrl, async ({ client, handle }) => {
    await seed(client, { demo: true }); // on PostgreSQL `db seed` leaves the demo workspace out
    // The demo owner hears about every change, and the team has a webhook: each must get one message.
    const team = await client.team.update({
      where: { slug: DEMO_TEAM_SLUG },
      data: { webhookUrl, webhookSecret: "fault-secret" },
    });
    const demo = await client.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    await client.notificationPreference.create({ data: { userId: demo.id, teamId: team.id, flips: true, moves: true } });
    await insertSavedScenarios(client, SCENARIOS);
    const versionId = await publishCheaperGpus(client, label);
    const run = await client.repricingRun.create({ data: { catalogVersionId: versionId } });
    // As a publish does: the plan job written with the run; the server's workers take it.
    const boss = await startBoss(createBoss(handle));
    await boss.send(QUEUES.repricingPlan, { runId: run.id });
    await boss.stop({ graceful: true });
    return run.id;
  });
}

/** The killed run's batches and rows, the same prices re-priced without interruption, retried jobs and notifications. */
function afterTheKill(dbUrl: string, runId: string) {
  return withDb(dbUrl, async ({ client }) => {
    const batches = await client.repricingBatch.findMany({ where: { runId } });
    const killed = await client.repricingRun.findUniqueOrThrow({ where: { id: runId } });
    const rows = await client.scenarioRepricing.findMany({
      where: { catalogVersionId: killed.catalogVersionId },
      select: { scenarioId: true },
    });
    // The same prices again, worked without interruption in this process: the reference answer.
    const sameId = await publishCheaperGpus(client, "uninterrupted");
    const reference = await client.repricingRun.create({ data: { catalogVersionId: sameId } });
    await runRepricing(reference.id, { db: client });
    const expected = await client.scenarioRepricing.findMany({ where: { catalogVersionId: sameId }, select: { scenarioId: true } });
    // Jobs taken again after the kill: the batch whose worker died, once its heartbeat lapsed.
    const [{ retried }] = await client.$queryRaw<{ retried: number }[]>`
      SELECT count(*)::int AS retried FROM pgboss.job WHERE name = ${QUEUES.repricingBatch} AND retry_count > 0`;
    const notifications = await client.notification.findMany({ where: { runId }, select: { channel: true, status: true } });
    return { batches, rows, expected, retried, notifications };
  });
}

export async function repricingKill(kind: DbKind, port: number, problems: string[]) {
  const db = await freshDatabase(kind, `faults-repricing-${kind}`);
  const hook = await webhookReceiver();
  const label = `killed mid-run ${kind} ${Date.now()}`;
  const runId = await runToKill(db.url, hook.url, label);
  let server = await startServer({ port, databaseUrl: db.url });
  try {
    const admin = new Client(server.base);
    await admin.signIn("demo@breakeven.local", "breakeven-demo");
    const before = await waitFor(admin, runId, (r) => r.processed >= r.total * 0.25 || r.status !== "running", 120);
    if (!before || before.status !== "running") {
      problems.push(`repricing on ${kind}: the run was ${before?.status ?? "not started"} before the kill; nothing was interrupted`);
      return;
    }
    await server.stop("SIGKILL");
    const restarted = Date.now();
    server = await startServer({ port, databaseUrl: db.url });
    const again = new Client(server.base);
    await again.signIn("demo@breakeven.local", "breakeven-demo");
    const after = await waitFor(again, runId, (r) => r.status !== "running", 180);
    const seconds = (Date.now() - restarted) / 1000;
    const delivered = await waitForDeliveries(again, 2, 60);
    await server.stop();
    const check = await afterTheKill(db.url, runId);
    const got = new Set(check.rows.map((r) => r.scenarioId));
    const want = new Set(check.expected.map((r) => r.scenarioId));
    const skipped = [...want].filter((id) => !got.has(id)).length;
    const extra = [...got].filter((id) => !want.has(id)).length;
    const batchSum = check.batches.reduce((n, b) => n + b.processed, 0);
    console.log(
      `repricing on ${kind}, SIGKILL at ${before.processed} of ${before.total} scenarios: after the restart the run was ${after?.status ?? "still running"} ` +
        `in ${seconds.toFixed(1)} s; ${after?.processed ?? "?"} processed, ${check.rows.length} re-priced rows (an uninterrupted run: ${check.expected.length}); ` +
        `batches ${check.batches.filter((b) => b.status === "done").length}/${check.batches.length} done (${check.retried} batch jobs taken again after the kill), ${skipped} scenarios skipped, ${extra} extra`,
    );
    const emails = (existsSync(OUTBOX) ? readdirSync(OUTBOX) : []).filter((f) =>
      readFileSync(path.join(OUTBOX, f), "utf8").includes(label),
    ).length;
    console.log(
      `  notifications of that run: ${check.notifications.map((n) => `${n.channel} ${n.status}`).join(", ") || "none"}; ${emails} email(s) in the outbox, ` +
        `${hook.deliveries.length} webhook POST(s) (${new Set(hook.deliveries).size} distinct)${delivered ? "" : "; not all delivered within 60 s"}`,
    );
    if (check.notifications.length !== 2 || emails !== 1 || hook.deliveries.length !== 1)
      problems.push(
        `repricing on ${kind}: expected one email and one webhook POST, got ${emails} email(s) and ${hook.deliveries.length} POST(s)`,
      );
    if (after?.status !== "done")
      problems.push(`repricing on ${kind}: the run did not finish after the restart (${after?.status ?? "no answer"})`);
    if (after && after.processed !== after.total) problems.push(`repricing on ${kind}: ${after.processed} processed of ${after.total}`);
    if (batchSum !== before.total) problems.push(`repricing on ${kind}: the batches processed ${batchSum} scenarios, not ${before.total}`);
    if (skipped || extra || check.rows.length !== check.expected.length)
      problems.push(`repricing on ${kind}: ${skipped} skipped, ${extra} extra, ${check.rows.length} rows against ${check.expected.length}`);
  } finally {
    await server.stop();
    await hook.close();
    await db.drop();
  }
}

/** Until the team's outbox shows `count` messages all sent (the owner reads it over HTTP). */
async function waitForDeliveries(owner: Client, count: number, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const reply = await owner.request("GET", `/api/v1/teams/${DEMO_TEAM_SLUG}/notifications`).catch(() => null);
    const list = (reply?.body as { notifications?: { status: string }[] } | undefined)?.notifications ?? [];
    if (list.length >= count && list.every((n) => n.status === "sent")) return true;
    await sleep(250);
  }
  return false;
}
