// Price feeds against a real database (PGlite; PostgreSQL too when TEST_DATABASE_URL is set), with
// the feeds served by a local HTTP server started here: drafts with the difference, auto-publish
// of small changes only, and feeds that fail in every way the fetch and the row rules guard
// against, leaving the catalog as it was and saying why.
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.ADMIN_EMAILS = "admin@feeds.test";

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { until } from "../support/until";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { seed } from "../../lib/data/seed";
import { signUpVerified } from "../support/users";
import { createFeed, deleteFeed, listFeeds, refreshFeedNow, updateFeed } from "../../lib/data/feeds";
import { refreshFeed } from "../../lib/data/feed-refresh";
import { getBoss } from "../../lib/jobs/boss";
import { startWorkers } from "../../lib/jobs/workers";
import { QUEUES } from "../../lib/jobs/queues";

const sample = JSON.parse(readFileSync("lib/catalog/fixtures/genai-prices-sample.json", "utf8"));
/** The sample with Claude Haiku 4.5's input price set to `input`. */
const withHaikuInput = (input: number) => {
  const copy = structuredClone(sample);
  copy[0].models[0].prices.input_mtok = input;
  return JSON.stringify(copy);
};

const ROUTES: Record<string, (res: import("node:http").ServerResponse) => void> = {
  "/genai.json": (res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(sample)),
  "/genai-5pc.json": (res) => res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(withHaikuInput(0.95)),
  "/genai-50pc.json": (res) => res.writeHead(200, { "content-type": "application/json" }).end(withHaikuInput(0.5)),
  "/genai-1e300.json": (res) => res.writeHead(200, { "content-type": "application/json" }).end(withHaikuInput(1e300)),
  "/garbage": (res) => res.writeHead(200, { "content-type": "application/json" }).end("{ this is not json"),
  "/500": (res) => res.writeHead(500).end("oops"),
  "/html": (res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>Sign in</html>"),
  "/huge": (res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const mb = Buffer.alloc(2 ** 20, 32);
    for (let i = 0; i < 30; i++) res.write(mb);
    res.end();
  },
  "/silent": () => {}, // never answers
};

describe.each(testDbKinds())("price feeds on %s", (kind) => {
  let t: TestDb;
  let server: Server;
  let base = "";
  let admin = "";
  let stranger = "";
  let jobs = 0;
  const refresh = (feedId: string) => refreshFeed(feedId, `test-job-${kind}-${++jobs}`, { fetch: { timeoutMs: 500 } });
  const catalogState = async () => ({
    versions: await t.db.catalogVersion.count(),
    published: (await t.db.catalogVersion.findMany({ where: { published: true }, select: { id: true } })).length,
    apiRows: await t.db.apiPrice.count(),
  });

  beforeAll(async () => {
    server = createServer((req, res) => (ROUTES[req.url ?? ""] ?? ((r) => r.writeHead(404).end()))(res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await openTestDb(kind);
    await seed(t.db);
    admin = (await signUpVerified({ name: "Ada Admin", email: "admin@feeds.test", password: "admin password" })).user.id;
    stranger = (await signUpVerified({ name: "Sam", email: "sam@feeds.test", password: "sam password" })).user.id;
  });
  afterAll(async () => {
    await t?.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test("administrators register feeds; a bad one is refused with the field named; the schedule follows the feed", async () => {
    await expect(createFeed(stranger, { name: "x", url: `${base}/genai.json`, format: "genai-prices" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createFeed(admin, { name: "x", url: "ftp://example.com/prices.json", format: "genai-prices" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { url: [expect.any(String)] },
    });
    await expect(createFeed(admin, { name: "x", url: `${base}/genai.json`, format: "yaml" })).rejects.toMatchObject({
      fieldErrors: { format: [expect.stringContaining("genai-prices")] },
    });
    const feed = await createFeed(admin, { name: "Scheduled", url: `${base}/genai.json`, format: "genai-prices", schedule: "daily" });
    const boss = await getBoss();
    expect((await boss.getSchedules(QUEUES.feedRefresh, feed.id)).map((s) => s.cron)).toEqual(["7 6 * * *"]);
    await expect(createFeed(admin, { name: "Scheduled", url: `${base}/genai.json`, format: "genai-prices" })).rejects.toMatchObject({
      fieldErrors: { name: ['"Scheduled" is already taken'] },
    });
    await updateFeed(admin, feed.id, { name: "Scheduled", url: `${base}/genai.json`, format: "genai-prices", schedule: "manual" });
    expect(await boss.getSchedules(QUEUES.feedRefresh, feed.id)).toEqual([]);
    await updateFeed(admin, feed.id, { name: "Scheduled", url: `${base}/genai.json`, format: "genai-prices", schedule: "hourly" });
    await deleteFeed(admin, feed.id);
    expect(await boss.getSchedules(QUEUES.feedRefresh, feed.id)).toEqual([]);
    await expect(deleteFeed(admin, feed.id)).rejects.toMatchObject({ code: "not_found" });
  });

  test("a refresh becomes a draft with the difference; it waits for review unless auto-publish allows it", async () => {
    const before = await catalogState();
    const review = await createFeed(admin, { name: "Review", url: `${base}/genai.json`, format: "genai-prices", schedule: "manual" });
    const r = await refresh(review.id);
    expect(r).toMatchObject({ status: "draft", added: 6, changed: 0, removed: 0, skipped: 1 });
    const draft = await t.db.catalogVersion.findUniqueOrThrow({ where: { id: r!.versionId! }, include: { apiPrices: true } });
    expect(draft.published).toBe(false);
    expect(draft.apiPrices.find((p) => p.model === "deepseek-reasoner")).toMatchObject({
      inputPerM: 0.55,
      offPeakStartUtc: 16.5,
      offPeakInputPerM: 0.135,
      sourceUrl: "https://api-docs.deepseek.com/quick_start/pricing",
    });
    expect(await catalogState()).toEqual({ ...before, versions: before.versions + 1, apiRows: before.apiRows + draft.apiPrices.length });
    // The same job again (a retry after a crash) finds its refresh: no second draft.
    expect(await refreshFeed(review.id, `test-job-${kind}-${jobs}`)).toMatchObject({ id: r!.id, status: "draft" });
    expect(await t.db.catalogVersion.count()).toBe(before.versions + 1);

    // Auto-publish: 6 new rows is within 10; then the same file is no change; 5% is small; 50% waits.
    const auto = await createFeed(admin, {
      name: "Auto",
      url: `${base}/genai.json`,
      format: "genai-prices",
      schedule: "manual",
      autoPublish: true,
      maxPriceChangePercent: 10,
      maxRowChanges: 10,
    });
    const first = await refresh(auto.id);
    expect(first).toMatchObject({ status: "published", added: 6 });
    expect(await t.db.repricingRun.count({ where: { catalogVersionId: first!.versionId! } })).toBe(1);
    expect(await refresh(auto.id)).toMatchObject({ status: "unchanged", versionId: null });
    await updateFeed(admin, auto.id, {
      name: "Auto",
      url: `${base}/genai-5pc.json`,
      format: "genai-prices",
      schedule: "manual",
      autoPublish: true,
      maxRowChanges: 10,
    });
    const small = await refresh(auto.id);
    expect(small).toMatchObject({ status: "published", changed: 1 });
    expect(small!.largestChange).toBeCloseTo(0.05, 6);
    await updateFeed(admin, auto.id, {
      name: "Auto",
      url: `${base}/genai-50pc.json`,
      format: "genai-prices",
      schedule: "manual",
      autoPublish: true,
      maxRowChanges: 10,
    });
    const large = await refresh(auto.id);
    expect(large).toMatchObject({ status: "draft", changed: 1 });
    expect(large!.largestChange).toBeCloseTo(0.4737, 3); // 0.95 → 0.5
    const listed = (await listFeeds(admin)).find((f) => f.id === auto.id)!;
    expect(listed).toMatchObject({ lastStatus: "draft", lastError: null, maxPriceChangePercent: 10 });
    expect(listed.refreshes.map((x) => x.status)).toEqual(["draft", "published", "unchanged", "published"]);
  });

  test.each([
    ["/garbage", /Not valid JSON/],
    ["/500", /answered 500/],
    ["/html", /sent text\/html/],
    ["/huge", /over the 20 MB limit/],
    ["/genai-1e300.json", /row\(s\) refused.*anthropic|claude-haiku-4-5.*inputPerM/i],
    ["/silent", /No answer within 0.5 s/],
  ])("a feed at %s fails: the catalog stays as it was, and the feed says why", async (path, why) => {
    const feed = await createFeed(admin, {
      name: `Failing ${path}`,
      url: `${base}${path}`,
      format: "genai-prices",
      schedule: "manual",
      autoPublish: true,
    });
    const before = await catalogState();
    const r = await refresh(feed.id);
    expect(r).toMatchObject({ status: "failed", versionId: null });
    expect(r!.error).toMatch(why);
    expect(await catalogState()).toEqual(before);
    expect((await listFeeds(admin)).find((f) => f.id === feed.id)).toMatchObject({
      lastStatus: "failed",
      lastGoodAt: null,
      lastError: r!.error,
    });
  });

  test("a refresh asked for now runs as a job", async () => {
    const feed = await createFeed(admin, { name: "Now", url: `${base}/genai.json`, format: "genai-prices", schedule: "manual" });
    await expect(refreshFeedNow(stranger, feed.id)).rejects.toMatchObject({ code: "forbidden" });
    await startWorkers(await getBoss(), { pollingIntervalSeconds: 0.5 });
    await refreshFeedNow(admin, feed.id);
    const done = await until("the refresh job", async () => {
      const r = await t.db.priceFeedRefresh.findFirst({ where: { feedId: feed.id } });
      return r && r.status !== "running" && r;
    });
    expect(done.status).toBe("draft");
  });
});
