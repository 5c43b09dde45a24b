// The job queue on a real database (PGlite; PostgreSQL too when TEST_DATABASE_URL is set):
// re-pricing after a publish as planned batches, worked by two queue instances, each batch stored
// exactly once; a failed run reopened; and on the embedded store, job queries kept out of open
// transactions.
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.ADMIN_EMAILS = "admin@jobs.test";

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { until } from "../support/until";
import type { PgBoss } from "pg-boss";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { seed } from "../../lib/data/seed";
import { signUpVerified } from "../support/users";
import { createDraft } from "../../lib/data/catalog-drafts";
import { publishVersion } from "../../lib/data/catalog-publish";
import { failRepricing, planRepricing, repriceBatch } from "../../lib/data/repricing";
import { listJobs, retryRepricingRun } from "../../lib/data/jobs";
import { createBoss, getBoss, startBoss } from "../../lib/jobs/boss";
import { resumeOrphanedRuns, startWorkers } from "../../lib/jobs/workers";
import { QUEUES } from "../../lib/jobs/queues";
import { getDbHandle } from "../../lib/db";
import { insertSavedScenarios, publishCheaperGpus } from "../support/saved-scenarios";

const SCENARIOS = 60;

describe.each(testDbKinds())("job queue on %s", (kind) => {
  let t: TestDb;
  let admin = "";
  let stranger = "";
  const extra: PgBoss[] = [];

  beforeAll(async () => {
    t = await openTestDb(kind);
    await seed(t.db);
    await insertSavedScenarios(t.db, SCENARIOS);
    admin = (await signUpVerified({ name: "Ada Admin", email: "admin@jobs.test", password: "admin password" })).user.id;
    stranger = (await signUpVerified({ name: "Sam", email: "sam@jobs.test", password: "sam password" })).user.id;
  });
  afterAll(async () => {
    for (const boss of extra) await boss.stop({ graceful: true, timeout: 5_000 });
    await t?.close();
  });

  const withScenarios = () => t.db.scenario.count({ where: { currentRevisionId: { not: null } } });

  test("a publish writes its re-pricing job in the same transaction; a refused publish writes none", async () => {
    const boss = await getBoss();
    const draft = await createDraft(admin, { label: "draft A", effectiveDate: "2026-12-01" });
    await expect(publishVersion(admin, draft.id, { label: "2026-12 reference", effectiveDate: "2026-12-01" })).rejects.toMatchObject({
      code: "validation",
    });
    expect(await boss.findJobs(QUEUES.repricingPlan)).toHaveLength(0);
    const { runId } = await publishVersion(admin, draft.id, { label: "2026-12 A", effectiveDate: "2026-12-01" });
    const jobs = await boss.findJobs<{ runId: string }>(QUEUES.repricingPlan);
    expect(jobs.map((j) => j.data)).toEqual([{ runId }]);
    const { queues, runs } = await listJobs(admin);
    expect(queues.find((q) => q.name === QUEUES.repricingPlan)).toMatchObject({ queued: 1, active: 0, failed: 0, retryLimit: 5 });
    expect(runs.find((r) => r.id === runId)).toMatchObject({ status: "running", plannedAt: null, catalogLabel: "2026-12 A" });
  });

  test("two queue instances work one run's batches; every scenario is re-priced once", async () => {
    const versionId = await publishCheaperGpus(t.db, "cheaper for two instances");
    const run = await t.db.repricingRun.create({ data: { catalogVersionId: versionId } });
    const boss = await getBoss();
    const second = await startBoss(createBoss(getDbHandle(), { monitorIntervalSeconds: 1 }));
    extra.push(second);
    await startWorkers(boss, { pollingIntervalSeconds: 0.5, batchSize: 7 });
    await startWorkers(second, { pollingIntervalSeconds: 0.5, batchSize: 7 });
    await boss.send(QUEUES.repricingPlan, { runId: run.id });

    const done = await until("the run to finish", async () => {
      const r = await t.db.repricingRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "done" && r;
    });
    const total = await withScenarios();
    expect(done).toMatchObject({ total, processed: total, batches: Math.ceil(total / 7), error: null });
    const batches = await t.db.repricingBatch.findMany({ where: { runId: run.id } });
    expect(batches.every((b) => b.status === "done")).toBe(true);
    expect(batches.reduce((n, b) => n + b.processed, 0)).toBe(total);
    // Cheaper H200s and L40Ss move the examples that self-host on them: one row per re-priced revision.
    const rows = await t.db.scenarioRepricing.findMany({ where: { catalogVersionId: versionId }, select: { revisionId: true } });
    expect(rows.length).toBe(done.changed);
    expect(done.changed).toBeGreaterThan(SCENARIOS / 3);
    expect(new Set(rows.map((r) => r.revisionId)).size).toBe(rows.length);
  });

  test("a batch worked twice, or by two workers at once, is stored once", async () => {
    const versionId = await publishCheaperGpus(t.db, "cheaper, worked twice");
    const run = await t.db.repricingRun.create({ data: { catalogVersionId: versionId } });
    const indexes = await planRepricing(run.id, { batchSize: 25 });
    expect(await planRepricing(run.id, { batchSize: 5 })).toEqual(indexes); // planned once
    const [a, b] = await Promise.all([repriceBatch(run.id, 0), repriceBatch(run.id, 0)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await repriceBatch(run.id, 0)).toBeNull();
    const after = await t.db.repricingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.processed).toBe(25);
    const rows = await t.db.scenarioRepricing.count({ where: { catalogVersionId: versionId } });
    expect(rows).toBe(after.changed);
  });

  test("a run whose batch failed for good says why, and finishes when reopened", async () => {
    const versionId = await publishCheaperGpus(t.db, "cheaper, failed once");
    const run = await t.db.repricingRun.create({ data: { catalogVersionId: versionId } });
    const indexes = await planRepricing(run.id, { batchSize: 20 });
    await failRepricing(run.id, 1, new Error("connection reset"));
    expect(await t.db.repricingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "failed",
      error: "connection reset",
    });
    await expect(retryRepricingRun(stranger, run.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await retryRepricingRun(admin, run.id)).toEqual({ runId: run.id, status: "running" });
    await expect(retryRepricingRun(admin, run.id)).rejects.toMatchObject({ code: "conflict" }); // running again
    await expect(retryRepricingRun(admin, "no-such-run")).rejects.toMatchObject({ code: "not_found" });
    const listed = (await listJobs(admin)).runs.find((r) => r.id === run.id)!;
    expect(listed).toMatchObject({ status: "running", batches: { total: indexes.length, failed: 0 } });
    await expect(listJobs(stranger)).rejects.toMatchObject({ code: "forbidden" });
    const done = await until("the reopened run to finish", async () => {
      const r = await t.db.repricingRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "done" && r;
    });
    expect(done).toMatchObject({ processed: await withScenarios(), error: null });
  });

  test("a run its process left unplanned is resumed when an instance starts", async () => {
    const versionId = await publishCheaperGpus(t.db, "cheaper, orphaned");
    const stale = await t.db.repricingRun.create({ data: { catalogVersionId: versionId, startedAt: new Date(Date.now() - 3600_000) } });
    const fresh = await t.db.repricingRun.create({ data: { catalogVersionId: versionId } }); // its job may still be on the way
    expect(await resumeOrphanedRuns(await getBoss())).toBe(1);
    await until(
      "the orphaned run to finish",
      async () => (await t.db.repricingRun.findUniqueOrThrow({ where: { id: stale.id } })).status === "done",
    );
    expect(await t.db.repricingRun.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: "running", plannedAt: null });
  });

  test.runIf(kind === "pglite")("a job sent while a request's transaction is open waits for it, and survives its rollback", async () => {
    const boss = await getBoss();
    const order: string[] = [];
    let sent: Promise<string | null> | null = null;
    const failed = t.db
      .$transaction(async (tx) => {
        await tx.catalogVersion.create({ data: { label: "rolled back", effectiveDate: new Date() } });
        sent = boss.send(QUEUES.repricingPlan, { runId: "outside-the-transaction" }).then((id) => {
          order.push("job sent");
          return id;
        });
        await new Promise((r) => setTimeout(r, 300));
        order.push("transaction ends");
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    expect(await failed).toBe("roll back");
    const id = await sent!;
    expect(order).toEqual(["transaction ends", "job sent"]);
    expect(await t.db.catalogVersion.count({ where: { label: "rolled back" } })).toBe(0);
    expect((await boss.findJobs(QUEUES.repricingPlan, { id: id! })).map((j) => j.data)).toEqual([{ runId: "outside-the-transaction" }]);
    await boss.deleteJob(QUEUES.repricingPlan, id!);
  });
});
