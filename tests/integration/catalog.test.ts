// Catalog versions, imports and re-pricing against a real database (PGlite; PostgreSQL too when
// TEST_DATABASE_URL is set).
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.ADMIN_EMAILS = "admin@catalog.test";

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { seed, DEMO_EMAIL } from "../../lib/data/seed";
import { signUpVerified } from "../support/users";
import { listScenarios } from "../../lib/data/scenarios";
import {
  addApiPrice,
  addGpuOffer,
  createDraft,
  deleteDraft,
  retireRow,
  updateApiPrice,
  updateGpuOffer,
} from "../../lib/data/catalog-drafts";
import { getCatalogVersion, listCatalogVersions, priceHistory } from "../../lib/data/catalog";
import { publishVersion } from "../../lib/data/catalog-publish";
import { repricingMarks, setRepriceThreshold } from "../../lib/data/catalog-marks";
import { latestPickerCatalog, priceWithLatestCatalog } from "../../lib/data/catalog-picker";
import { applyImport, previewImport } from "../../lib/data/catalog-imports";
import { buildTemplate } from "../../lib/catalog/templates";
import { reevaluateAfterEngineUpgrade, runRepricing } from "../../lib/data/repricing";

const fixture = (name: string) => readFileSync(path.resolve("lib/catalog/fixtures", name), "utf8");

describe.each(testDbKinds())("price catalog on %s", (kind) => {
  let t: TestDb;
  let admin = "";
  let demo = "";
  let stranger = "";
  let draftId = "";

  async function rowsSnapshot() {
    return {
      versions: await t.db.catalogVersion.findMany({
        orderBy: { id: "asc" },
        select: { id: true, label: true, published: true, effectiveDate: true },
      }),
      api: await t.db.apiPrice.findMany({ orderBy: { id: "asc" } }),
      gpu: await t.db.gpuOffer.findMany({ orderBy: { id: "asc" } }),
    };
  }

  beforeAll(async () => {
    t = await openTestDb(kind);
    await seed(t.db);
    admin = (await signUpVerified({ name: "Ada Admin", email: "admin@catalog.test", password: "admin password" })).user.id;
    stranger = (await signUpVerified({ name: "Sam", email: "sam@catalog.test", password: "sam password" })).user.id;
    demo = (await t.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } })).id;
  });
  afterAll(async () => t?.close());

  test("only administrators see drafts and edit; everyone reads published versions", async () => {
    await expect(createDraft(stranger, { label: "2026-12", effectiveDate: "2026-12-01" })).rejects.toMatchObject({ code: "forbidden" });
    const draft = await createDraft(admin, { label: "2026-12 draft", effectiveDate: "2026-12-01", sourceNote: "December check" });
    draftId = draft.id;
    expect((await listCatalogVersions(stranger)).versions.map((v) => v.label)).toEqual(["2026-12 reference"]);
    expect((await listCatalogVersions(admin)).versions.map((v) => v.label)).toEqual(["2026-12 draft", "2026-12 reference"]);
    await expect(getCatalogVersion(stranger, draftId)).rejects.toMatchObject({ code: "not_found" });
    const copy = await getCatalogVersion(admin, draftId);
    const reference = (await listCatalogVersions(admin)).versions.find((v) => v.published)!;
    expect(copy.apiPrices.length).toBe(reference._count.apiPrices);
    expect(copy.gpuOffers.length).toBe(reference._count.gpuOffers);
  });

  test("a malformed import is refused with row errors and writes nothing", async () => {
    const before = await rowsSnapshot();
    for (const [format, file] of [
      ["litellm", "litellm-malformed.json"],
      ["llm-prices", "llm-prices-malformed.json"],
      ["gpu-csv", "gpu-offers-malformed.csv"],
    ] as const) {
      const error = await applyImport(admin, draftId, { format, text: fixture(file) }).catch((e) => e);
      expect(error).toMatchObject({ code: "validation" });
      expect(Object.keys(error.fieldErrors).length).toBeGreaterThan(0);
    }
    await expect(applyImport(admin, draftId, { format: "litellm", text: "{oops" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { file: [expect.stringMatching(/Not valid JSON/)] },
    });
    expect(await rowsSnapshot()).toEqual(before);
  });

  test("one set of row rules for form, preview and apply: what breaks pages later is refused up front, naming the row and field", async () => {
    const before = await rowsSnapshot();
    const header = "provider,gpu_type,price_per_gpu_hour,source_url,checked_at";
    const hostile = [
      [`Bad link,L40S,1,http://[bad,2026-11-20`, "sourceUrl"],
      [`Huge price,L40S,1e308,https://x.test,2026-11-20`, "pricePerGpuHour"],
      [`${"N".repeat(5000)},L40S,1,https://x.test,2026-11-20`, "provider"],
      [`constructor,L40S,1,https://x.test,2026-11-20`, "provider"],
      [`__proto__,L40S,1,https://x.test,2026-11-20`, "provider"],
      [`Odd date,L40S,1,https://x.test,2026-99-99`, "checkedAt"],
      [`No source,L40S,1,,2026-11-20`, "sourceUrl"],
    ] as const;
    for (const [line, field] of hostile) {
      const text = `${header}\n${line}\n`;
      const preview = await previewImport(admin, draftId, { format: "gpu-csv", text }).catch((e) => e);
      const apply = await applyImport(admin, draftId, { format: "gpu-csv", text }).catch((e) => e);
      expect(preview, line.slice(0, 40)).toMatchObject({ code: "validation" });
      expect(apply, line.slice(0, 40)).toMatchObject({ code: "validation" });
      expect(Object.keys(apply.fieldErrors).join(" "), line.slice(0, 40)).toMatch(new RegExp(`${field}$|${field} `));
    }
    // LiteLLM prices per token that overflow per million tokens, and an absurd one.
    const litellm = JSON.stringify({
      "openai/x": { litellm_provider: "openai", mode: "chat", input_cost_per_token: 1e300, output_cost_per_token: 1e-6 },
      "openai/y": { litellm_provider: "openai", mode: "chat", input_cost_per_token: 1, output_cost_per_token: 1 },
    });
    const overflow = await previewImport(admin, draftId, { format: "litellm", text: litellm }).catch((e) => e);
    expect(overflow).toMatchObject({ code: "validation" });
    expect(Object.keys(overflow.fieldErrors)).toEqual(expect.arrayContaining([expect.stringMatching(/inputPerM$/)]));
    // The form takes the same rules.
    await expect(
      addApiPrice(admin, draftId, {
        provider: "toString",
        model: "m",
        inputPerM: 1,
        outputPerM: 2,
        sourceUrl: "https://p.test",
        checkedAt: "2026-12-01",
      }),
    ).rejects.toMatchObject({ fieldErrors: { provider: [expect.stringMatching(/reserved/)] } });
    await expect(
      addApiPrice(admin, draftId, {
        provider: "P",
        model: "m",
        inputPerM: 1,
        outputPerM: 2,
        sourceUrl: "javascript:alert(1)",
        checkedAt: "2026-12-01",
      }),
    ).rejects.toMatchObject({ fieldErrors: { sourceUrl: ["must be an http(s) link"] } });
    await expect(createDraft(admin, { label: "bad date", effectiveDate: "2026-13-45" })).rejects.toMatchObject({
      fieldErrors: { effectiveDate: ["is not a calendar date"] },
    });
    expect(await rowsSnapshot()).toEqual(before);
  });

  test("an import previews its changes, then applies exactly them", async () => {
    const preview = await previewImport(admin, draftId, { format: "gpu-csv", text: fixture("gpu-offers.csv") });
    // Nebius H100 and RunPod Secure L40S exist (new prices); AWS p5 reserved and the MI300X are new.
    expect(preview.counts).toEqual({ added: 2, changed: 2, removed: 0, unchanged: 0, skipped: 0 });
    expect(preview.changed.map((c) => [c.key, c.fields])).toEqual([
      ["Nebius|H100 SXM|on_demand", ["pricePerGpuHour"]],
      ["RunPod Secure|L40S|on_demand", ["pricePerGpuHour"]],
    ]);
    const replacePreview = await previewImport(admin, draftId, { format: "gpu-csv", text: fixture("gpu-offers.csv"), mode: "replace" });
    expect(replacePreview.counts.removed).toBeGreaterThan(0); // RunPod Secure's other GPUs, Nebius H200
    expect(await applyImport(admin, draftId, { format: "gpu-csv", text: fixture("gpu-offers.csv") })).toMatchObject({
      added: 2,
      changed: 2,
      removed: 0,
    });
    const draft = await getCatalogVersion(admin, draftId);
    expect(draft.gpuOffers.find((o) => o.provider === "Nebius" && o.gpuType === "H100 SXM")!.pricePerGpuHour).toBe(2.95);
    expect(draft.gpuOffers.find((o) => o.gpuType === "MI300X")).toMatchObject({
      provider: "Acme GPU Cloud, Inc.",
      memoryGb: 192,
      provisioning: "spot",
    });

    const api = await applyImport(admin, draftId, { format: "litellm", text: fixture("litellm-sample.json") });
    expect(api).toMatchObject({ added: 4, skipped: 2 });
    const imported = (await getCatalogVersion(admin, draftId)).apiPrices.find((p) => p.model === "claude-sonnet-4-5")!;
    expect(imported).toMatchObject({
      provider: "Anthropic",
      inputPerM: 3,
      cachedInputPerM: 0.3,
      cacheWritePerM: 3.75,
      outputPerM: 15,
      longContextThreshold: 200000,
    });
  });

  test("rows are edited, added and retired in a draft, with field errors for bad values", async () => {
    const draft = await getCatalogVersion(admin, draftId);
    const h200 = draft.gpuOffers.find((o) => o.provider === "RunPod Secure" && o.gpuType === "H200 SXM")!;
    await expect(updateGpuOffer(admin, h200.id, { pricePerGpuHour: -1 })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { pricePerGpuHour: ["cannot be negative"] },
    });
    await expect(updateGpuOffer(stranger, h200.id, { pricePerGpuHour: 1 })).rejects.toMatchObject({ code: "forbidden" });
    // Cheaper H200s make self-hosting the 70B agent platform cheaper than the API.
    await updateGpuOffer(admin, h200.id, { pricePerGpuHour: 1.2, checkedAt: "2026-11-28" });
    const extra = await addApiPrice(admin, draftId, {
      provider: "Mistral",
      model: "Mistral Large 2",
      inputPerM: 0.4,
      outputPerM: 2,
      sourceUrl: "https://mistral.ai/pricing",
      checkedAt: "2026-11-28",
    });
    await expect(
      addApiPrice(admin, draftId, {
        provider: "Mistral",
        model: "Mistral Large 2",
        inputPerM: 0.4,
        outputPerM: 2,
        sourceUrl: "https://mistral.ai/pricing",
        checkedAt: "2026-11-28",
      }),
    ).rejects.toMatchObject({ code: "validation" });
    await retireRow(admin, "api", extra.id);
    expect((await getCatalogVersion(admin, draftId)).apiPrices.some((p) => p.model === "Mistral Large 2")).toBe(false);
  });

  test("an administrator edits a row's attributes; a change to one field leaves the others as they were", async () => {
    const draft = await getCatalogVersion(admin, draftId);
    const bedrock = draft.apiPrices.find((r) => r.provider === "Amazon Bedrock" && r.model === "Claude Sonnet 4.5")!;
    await updateApiPrice(admin, bedrock.id, { typicalTtftMs: 900, note: "TTFT from our own trial, 2026-11" });
    await updateApiPrice(admin, bedrock.id, { inputPerM: 3.25, checkedAt: "2026-11-29" });
    const after = (await getCatalogVersion(admin, draftId)).apiPrices.find((r) => r.id === bedrock.id)!;
    expect(after).toMatchObject({
      inputPerM: 3.25,
      cachedInputPerM: bedrock.cachedInputPerM,
      cacheWritePerM: bedrock.cacheWritePerM,
      region: "EU cross-region",
      tier: "standard",
      dataRegions: ["eu"],
      typicalTtftMs: 900,
      note: "TTFT from our own trial, 2026-11",
    });
    await expect(updateApiPrice(admin, bedrock.id, { certifications: ["x".repeat(41)] })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "certifications.0": ["Use at most 40 characters."] },
    });
    await expect(updateApiPrice(stranger, bedrock.id, { note: "mine" })).rejects.toMatchObject({ code: "forbidden" });
    const p5 = draft.gpuOffers.find((r) => r.provider === "AWS p5" && r.provisioning === "on_demand")!;
    await updateGpuOffer(admin, p5.id, {
      gpusPerNode: 8,
      pricingTerms: "Per second; 1-year savings plan 40% off",
      certifications: ["SOC 2"],
    });
    const offer = (await getCatalogVersion(admin, draftId)).gpuOffers.find((r) => r.id === p5.id)!;
    expect(offer).toMatchObject({ pricePerGpuHour: p5.pricePerGpuHour, regions: ["us", "eu"], certifications: ["SOC 2"] });
  });

  test("publishing re-prices every scenario; a flipped recommendation is marked, a change below the owners' threshold is not", async () => {
    const { runId } = await publishVersion(admin, draftId, { label: "2026-12", effectiveDate: "2026-12-01" });
    const result = await runRepricing(runId, { batchSize: 2 });
    const scenarios = await listScenarios(demo, "demo");
    expect(result.processed).toBeGreaterThanOrEqual(scenarios.length);
    const byName = (prefix: string) => scenarios.find((s) => s.name.startsWith(prefix))!.id;

    let { marks } = await repricingMarks(demo, "demo");
    const agent = marks.get(byName("70B agent platform"))!;
    expect(agent).toMatchObject({ outcomeThen: "api", outcomeNow: "self-host", flipped: true, shown: true, catalogLabel: "2026-12" });
    expect(agent.monthlyNow).not.toBe(agent.monthlyThen);
    // The regulated scenario self-hosts on L40S (0.86 instead of 1.09): cheaper, same decision.
    const regulated = marks.get(byName("Regulated internal assistant"))!;
    expect(regulated).toMatchObject({ flipped: false, shown: true });
    const drop = (regulated.monthlyThen! - regulated.monthlyNow!) / regulated.monthlyThen!;
    expect(drop).toBeGreaterThan(0);

    // Owners raise the threshold above that change: the mark goes, the flip stays.
    await expect(setRepriceThreshold(demo, "demo", { percent: -5 })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { percent: ["cannot be negative"] },
    });
    await setRepriceThreshold(demo, "demo", { percent: Math.ceil(drop * 100) + 5, usd: null });
    ({ marks } = await repricingMarks(demo, "demo"));
    expect(marks.get(byName("Regulated internal assistant"))!.shown).toBe(false);
    expect(marks.get(byName("70B agent platform"))!.shown).toBe(true);
    // Another team sees none of it.
    expect((await repricingMarks(stranger, "demo")).marks.size).toBe(0);
  });

  test("after an engine upgrade every saved scenario is re-evaluated once, and what moved is marked", async () => {
    // Nothing is stale right after seeding or publishing with this engine.
    expect(await reevaluateAfterEngineUpgrade(t.db)).toBeNull();
    const scenario = (await listScenarios(demo, "demo")).find((s) => s.name.startsWith("8B chat assistant"))!;
    const current = await t.db.scenario.findUniqueOrThrow({
      where: { id: scenario.id },
      select: { currentRevision: { select: { id: true, summary: true } } },
    });
    // As an older engine would have saved it: no engine version, a different cost and breakeven.
    const { engineVersion: _v, ...old } = current.currentRevision!.summary as Record<string, unknown>;
    await t.db.scenarioRevision.update({
      where: { id: current.currentRevision!.id },
      data: { summary: { ...old, recommendedMonthlyCost: 1234.5, breakevenRequestsPerMonth: 42 } },
    });
    // Its re-pricing at the published version came from the older engine too: it is replaced.
    await t.db.scenarioRepricing.updateMany({ where: { revisionId: current.currentRevision!.id }, data: { summary: old as object } });
    const result = await reevaluateAfterEngineUpgrade(t.db);
    expect(result).not.toBeNull();
    const mark = (await repricingMarks(demo, "demo")).marks.get(scenario.id)!;
    expect(mark).toMatchObject({ monthlyThen: 1234.5, breakevenThen: 42, catalogLabel: "2026-12" });
    expect(mark.monthlyNow).not.toBe(1234.5);
    // Once is enough: the next start finds nothing stale, and the revision has one row at this version.
    expect(await reevaluateAfterEngineUpgrade(t.db)).toBeNull();
    const latest = (await t.db.catalogVersion.findFirst({
      where: { published: true },
      orderBy: [{ effectiveDate: "desc" }, { publishedAt: "desc" }],
    }))!;
    expect(await t.db.scenarioRepricing.count({ where: { revisionId: current.currentRevision!.id, catalogVersionId: latest.id } })).toBe(1);
  });

  test("a published version cannot be modified through any operation", async () => {
    const published = await getCatalogVersion(admin, draftId);
    const before = await rowsSnapshot();
    const api = published.apiPrices[0];
    const gpu = published.gpuOffers[0];
    const attempts: [string, () => Promise<unknown>][] = [
      ["update an API price", () => updateApiPrice(admin, api.id, { inputPerM: 0.01 })],
      ["update a GPU offer", () => updateGpuOffer(admin, gpu.id, { pricePerGpuHour: 0.01 })],
      [
        "add an API price",
        () =>
          addApiPrice(admin, published.id, {
            provider: "X",
            model: "Y",
            inputPerM: 1,
            outputPerM: 1,
            sourceUrl: "https://x.test",
            checkedAt: "2026-12-01",
          }),
      ],
      [
        "add a GPU offer",
        () =>
          addGpuOffer(admin, published.id, {
            provider: "X",
            gpuType: "H100 SXM",
            memoryGb: 80,
            bandwidthGbS: 3350,
            bf16Tflops: 989,
            pricePerGpuHour: 1,
            sourceUrl: "https://x.test",
            checkedAt: "2026-12-01",
          }),
      ],
      ["retire an API price", () => retireRow(admin, "api", api.id)],
      ["retire a GPU offer", () => retireRow(admin, "gpu", gpu.id)],
      ["preview an import", () => previewImport(admin, published.id, { format: "gpu-csv", text: fixture("gpu-offers.csv") })],
      ["apply an import", () => applyImport(admin, published.id, { format: "gpu-csv", text: fixture("gpu-offers.csv") })],
      ["publish again", () => publishVersion(admin, published.id, { label: "again", effectiveDate: "2027-01-01" })],
      ["delete it", () => deleteDraft(admin, published.id)],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toMatchObject({ code: "conflict" });
    }
    expect(await rowsSnapshot()).toEqual(before);
  });

  test("new scenarios and the editor's pickers use the newest published catalog", async () => {
    const agent = await priceWithLatestCatalog(buildTemplate("agent"));
    expect(agent.selfHostOptions[0].gpu).toMatchObject({ gpuType: "H200 SXM", provider: "RunPod Secure", pricePerGpuHour: 1.2 });
    const picker = (await latestPickerCatalog())!;
    expect(picker.label).toBe("2026-12");
    expect(picker.gpu.find((o) => o.gpuType === "MI300X")).toMatchObject({ provider: "Acme GPU Cloud, Inc.", pricePerGpuHour: 2.1 });
    expect(picker.api.some((r) => r.model === "claude-sonnet-4-5")).toBe(true);
    // Tenancy travels from the seeded reference rows through drafts into the picker.
    expect(picker.gpu.find((o) => o.provider === "RunPod Community")?.tenancy).toBe("community");
    expect(picker.gpu.find((o) => o.provider === "Nebius")?.tenancy).toBe("shared-cloud");
    // Attributes travel too, and each regional endpoint is its own row.
    const bedrock = picker.api.find((r) => r.provider === "Amazon Bedrock" && r.model === "Claude Sonnet 4.5")!;
    expect(bedrock).toMatchObject({ region: "EU cross-region", dataRegions: ["eu"], typicalTtftMs: 900, inputPerM: 3.25 });
    expect(picker.api.filter((r) => r.model === "GPT-5").map((r) => r.provider)).toEqual(["Azure OpenAI", "OpenAI"]);
  });

  test("price history follows one GPU offer across published versions", async () => {
    const h = await priceHistory({ kind: "gpu", provider: "RunPod Secure", gpuType: "H200 SXM" });
    expect(h.map((x) => [x.label, x.pricePerGpuHour])).toEqual([
      ["2026-12 reference", 4.59],
      ["2026-12", 1.2],
    ]);
    const api = await priceHistory({ kind: "api", provider: "OpenAI", model: "GPT-4o-mini" });
    expect(api.map((x) => x.inputPerM)).toEqual([0.15, 0.15]);
  });
});
