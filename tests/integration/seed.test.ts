import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { demoAllowed, seed, DEMO_EMAIL, DEMO_TEAM_SLUG } from "../../lib/data/seed";
import { REFERENCE_API_PRICES, REFERENCE_CATALOG_LABEL, REFERENCE_GPU_OFFERS } from "../../lib/catalog/reference-prices";
import { referenceBenchmarks } from "../../lib/catalog/reference-benchmarks";
import { evaluateFigures, parseScenario, readSummary, summarize } from "../../lib/engine";

async function snapshot(db: TestDb["db"]) {
  return {
    versions: await db.catalogVersion.count(),
    api: await db.apiPrice.count(),
    gpus: await db.gpuOffer.count(),
    models: await db.openModel.count(),
    benchmarks: await db.throughputBenchmark.count(),
    users: await db.user.count(),
    scenarios: await db.scenario.count(),
    revisions: await db.scenarioRevision.count(),
  };
}

describe.each(testDbKinds())("seed on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(kind);
  });
  afterAll(async () => t?.close());

  test("creates the reference catalog and the demo workspace, and a second run changes nothing", async () => {
    await seed(t.db);
    const first = await snapshot(t.db);
    expect(first.api).toBe(REFERENCE_API_PRICES.length);
    expect(first.gpus).toBe(REFERENCE_GPU_OFFERS.length);
    expect(first.benchmarks).toBe(referenceBenchmarks().length);
    await seed(t.db);
    expect(await snapshot(t.db)).toEqual(first);

    const demo = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL }, include: { memberships: { include: { team: true } } } });
    expect(demo.memberships.map((m) => [m.team.slug, m.role])).toEqual([[DEMO_TEAM_SLUG, "owner"]]);
  });

  test("demo scenarios are stored with their evaluation summary and catalog version", async () => {
    const scenarios = await t.db.scenario.findMany({
      include: { currentRevision: { include: { catalogVersion: true } } },
      orderBy: { name: "asc" },
    });
    expect(scenarios.map((s) => s.name)).toEqual([
      "70B agent platform with long shared prompts",
      "8B chat assistant",
      "Regulated internal assistant (data stays in-house)",
    ]);
    for (const s of scenarios) {
      const summary = readSummary(s.currentRevision!.summary);
      expect(summary, s.name).not.toBeNull();
      expect(summary!.recommendedMonthlyCost).toBeGreaterThan(0);
      expect(s.currentRevision!.catalogVersion!.label).toBe(REFERENCE_CATALOG_LABEL);
      // The stored input evaluates to the stored summary.
      expect(summarize(evaluateFigures(parseScenario(s.currentRevision!.input)))).toEqual(summary);
    }
    const regulated = scenarios.find((s) => s.name.startsWith("Regulated"))!;
    expect(readSummary(regulated.currentRevision!.summary)!.outcome).toBe("self-host");
  });

  test("every catalog row carries a source and a checked date", async () => {
    const api = await t.db.apiPrice.findMany();
    expect(api.every((r) => r.sourceUrl.startsWith("https://") && r.checkedAt instanceof Date)).toBe(true);
    const h100 = await t.db.gpuOffer.findFirstOrThrow({ where: { provider: "Reference cloud", gpuType: "H100 SXM" } });
    expect(h100.pricePerGpuHour).toBe(2.54);
    const measured = await t.db.throughputBenchmark.findMany({ where: { model: "Qwen3 8B" } });
    expect(measured).toHaveLength(10);
    expect(measured.every((r) => r.source.includes("silybench-data"))).toBe(true);
  });

  test("the reference rows keep their attributes: EU endpoints, certifications, node size, notes", async () => {
    const azure = await t.db.apiPrice.findFirstOrThrow({ where: { provider: "Azure OpenAI", model: "GPT-5" } });
    expect(azure).toMatchObject({ region: "EU data zone", dataRegions: ["eu"], zeroDataRetention: true });
    expect(azure.certifications).toContain("GDPR DPA");
    const groq = await t.db.apiPrice.findFirstOrThrow({ where: { provider: "Groq", model: "Llama 3.1 8B" } });
    expect(groq).toMatchObject({ dataRegions: [], certifications: [], zeroDataRetention: null });
    expect(groq.note).toMatch(/not verified/);
    const p5 = await t.db.gpuOffer.findFirstOrThrow({ where: { provider: "AWS p5" } });
    expect(p5).toMatchObject({ gpusPerNode: 8, minGpus: 8, regions: ["us", "eu"] });
    expect(p5.pricingTerms).toMatch(/per second/);
  });

  test("where a catalog is already published, a newer reference edition arrives as a draft", async () => {
    const reference = await t.db.catalogVersion.findUniqueOrThrow({ where: { label: REFERENCE_CATALOG_LABEL } });
    await t.db.catalogVersion.update({ where: { id: reference.id }, data: { label: "2026-09 reference" } });
    try {
      await seed(t.db);
      const edition = await t.db.catalogVersion.findUniqueOrThrow({ where: { label: REFERENCE_CATALOG_LABEL } });
      expect(edition).toMatchObject({ published: false, publishedAt: null });
      expect(await t.db.apiPrice.count({ where: { catalogVersionId: edition.id } })).toBe(REFERENCE_API_PRICES.length);
      await t.db.catalogVersion.delete({ where: { id: edition.id } });
    } finally {
      await t.db.catalogVersion.update({ where: { id: reference.id }, data: { label: REFERENCE_CATALOG_LABEL } });
    }
  });
});

describe("start-up modes: no account with a known password outside the embedded demo", () => {
  test.each([
    [{ DATABASE_URL: "file:.data/x" }, true],
    [{}, true],
    [{ DATABASE_URL: "memory://" }, true],
    [{ DATABASE_URL: "file:.data/x", NODE_ENV: "production" }, false],
    [{ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db" }, false],
    [{ DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db", NODE_ENV: "development" }, false],
  ])("%j → demo %s", (environment, allowed) => {
    expect(demoAllowed(environment)).toBe(allowed);
  });

  test.each(testDbKinds())("a production seed on %s has the catalog and no demo account", async (kind) => {
    const t = await openTestDb(kind);
    try {
      await seed(t.db, { demo: false });
      expect(await t.db.catalogVersion.count()).toBe(1);
      expect(await t.db.user.count()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
