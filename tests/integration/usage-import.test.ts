// Usage imports on a real database: aggregates stored (never rows), the derived workload saved as
// a scenario or a revision, and the same refusals as every other write.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { signUpVerified } from "../support/users";
import { acceptInvitation, createInvitation } from "../../lib/data/members";
import { createScenario, getScenario } from "../../lib/data/scenarios";
import { applyUsageImport, getUsageImport, importUsage, listUsageImports } from "../../lib/data/usage-imports";
import { chunksOf } from "../../lib/usage/parse";
import { scenario as scenarioInput } from "../../lib/engine/test-fixtures";
import { createApiToken } from "../../lib/data/tokens";
import * as uploadRoute from "../../app/api/v1/teams/[team]/usage-imports/route";

const fixture = (name: string) => readFileSync(join(__dirname, "../../lib/usage/fixtures", name), "utf8");
const upload = (text: string) => ({ source: chunksOf(text, 1024) });
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? "thrown",
  );

describe.each(testDbKinds())("usage import on %s", (kind) => {
  let t: TestDb;
  let owner = "";
  let viewer = "";
  let outsider = "";
  let team = "";
  let otherTeam = "";

  beforeAll(async () => {
    t = await openTestDb(kind);
    const o = await signUpVerified({ name: "Olive Owner", email: "owner@u.test", password: "owner password" });
    owner = o.user.id;
    team = o.team.slug;
    const v = await signUpVerified({ name: "Vic Viewer", email: "viewer@u.test", password: "viewer password" });
    viewer = v.user.id;
    await acceptInvitation(viewer, (await createInvitation(owner, team, { email: "viewer@u.test", role: "viewer" })).token);
    const x = await signUpVerified({ name: "Mallory", email: "mallory@u.test", password: "mallory password" });
    outsider = x.user.id;
    otherTeam = x.team.slug;
  });
  afterAll(async () => t?.close());

  test("an export is stored as aggregates with its name, size and hash, never its rows", async () => {
    const text = fixture("litellm-spend-logs.csv");
    const imported = await importUsage(owner, team, upload(text), { fileName: "spend.csv", timeZone: "UTC" });
    expect(imported).toMatchObject({
      fileName: "spend.csv",
      format: "litellm",
      rowCount: 4,
      badRowCount: 0,
      fileBytes: Buffer.byteLength(text),
    });
    expect(imported.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(imported.derived.workload).toMatchObject({ inputTokensPerRequest: 1750, outputTokensPerRequest: 300 });
    const stored = JSON.stringify(await t.db.usageImport.findUniqueOrThrow({ where: { id: imported.id } }));
    for (const raw of ["chatcmpl-a1", "88dc28d0f030", "team-support", "alice"]) expect(stored).not.toContain(raw);
    expect((await listUsageImports(viewer, team)).map((i) => i.id)).toContain(imported.id);
  });

  test("a viewer and another team are refused, and nothing is stored", async () => {
    const before = await t.db.usageImport.count();
    expect(await codeOf(importUsage(viewer, team, upload(fixture("generic-usage.csv")), { fileName: "g.csv" }))).toBe("forbidden");
    expect(await codeOf(importUsage(outsider, team, upload(fixture("generic-usage.csv")), { fileName: "g.csv" }))).toBe("not_found");
    const mine = await importUsage(owner, team, upload(fixture("generic-usage.csv")), { fileName: "g.csv" });
    expect(await codeOf(getUsageImport(outsider, otherTeam, mine.id))).toBe("not_found");
    expect(await codeOf(applyUsageImport(outsider, otherTeam, mine.id, { target: { kind: "new" } }))).toBe("not_found");
    expect(await codeOf(applyUsageImport(viewer, team, mine.id, { target: { kind: "new" } }))).toBe("forbidden");
    expect(await t.db.usageImport.count()).toBe(before + 1);
  });

  test("a file that cannot be read is a 422 naming the line and field; nothing is stored", async () => {
    const before = await t.db.usageImport.count();
    const err = await importUsage(owner, team, upload("timestamp,model,input_tokens,output_tokens\n2026-11-02T08:00:00Z,m,1,1\n"), {
      fileName: "bad.csv",
      format: "generic",
    }).catch((e: unknown) => e as { code: string; message: string; fieldErrors: Record<string, string[]> });
    expect(err).toMatchObject({
      code: "validation",
      fieldErrors: { cached_input_tokens: [expect.stringMatching(/Line 1: missing column/)] },
    });
    expect(await codeOf(importUsage(owner, team, upload(""), { fileName: "empty.csv" }))).toBe("validation");
    expect(await codeOf(importUsage(owner, team, upload("x"), { fileName: "x.csv", timeZone: "Mars/Olympus" }))).toBe("validation");
    expect(await t.db.usageImport.count()).toBe(before);
  });

  test("a new scenario from an import: the workload is the export's, the message names file and period", async () => {
    const imported = await importUsage(owner, team, upload(fixture("openai-usage-completions.json")), { fileName: "openai.json" });
    const created = await applyUsageImport(owner, team, imported.id, { target: { kind: "new", name: "From OpenAI usage" } });
    const s = await getScenario(owner, team, created.id);
    const input = s!.currentRevision!.input as { workload: Record<string, unknown> };
    expect(input.workload).toMatchObject({
      requestsPerMonth: 6844,
      inputTokensPerRequest: 1178,
      outputTokensPerRequest: 200,
      activeHoursPerDay: 2,
    });
    expect((input.workload.hourlyProfile as number[])[10]).toBeCloseTo(0.71429, 4);
    expect(s!.currentRevision!.message).toBe("Workload from usage import openai.json (2026-11-02 to 2026-11-03, 4 rows)");
  });

  test("an existing scenario gets a new revision; a stale version is a conflict", async () => {
    const { id } = await createScenario(owner, team, { name: "Support bot", input: scenarioInput() });
    const imported = await importUsage(owner, team, upload(fixture("generic-usage.csv")), { fileName: "g.csv" });
    const target = { kind: "scenario" as const, scenarioId: id, baseVersion: 99 };
    expect(await codeOf(applyUsageImport(owner, team, imported.id, { target }))).toBe("conflict");
    const saved = await applyUsageImport(owner, team, imported.id, { target: { ...target, baseVersion: 1 }, models: ["llama-3.1-70b"] });
    expect(saved).toMatchObject({ id, revision: 2 });
    const s = await getScenario(owner, team, id);
    const input = s!.currentRevision!.input as { workload: Record<string, number>; apiOptions: unknown[] };
    // llama-3.1-70b only: 4 requests, 7,000 input tokens, 1,050 output.
    expect(input.workload).toMatchObject({ inputTokensPerRequest: 1750, outputTokensPerRequest: 263 });
    expect(input.apiOptions).toHaveLength(scenarioInput().apiOptions?.length ?? 0);
    // A scenario of another team, named with this team's import, is not found.
    const theirs = await createScenario(outsider, otherTeam, { name: "Theirs", input: scenarioInput() });
    expect(await codeOf(applyUsageImport(owner, team, imported.id, { target: { ...target, scenarioId: theirs.id, baseVersion: 1 } }))).toBe(
      "not_found",
    );
  });

  test("bad rows are listed, and used only after the caller says so; missing request counts are asked for", async () => {
    const text = fixture("generic-usage.csv") + "2026-11-03T09:00:00Z,llama-3.1-70b,-1,0,5\n";
    const imported = await importUsage(owner, team, upload(text), { fileName: "partly-bad.csv" });
    expect(imported.badRows).toEqual([{ line: 7, field: "input_tokens", message: "-1 is negative" }]);
    const refused = await applyUsageImport(owner, team, imported.id, { target: { kind: "new" } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "validation", fieldErrors: { acceptBadRows: [expect.any(String)] } });
    expect(await codeOf(applyUsageImport(owner, team, imported.id, { target: { kind: "new" }, acceptBadRows: true }))).toBe("ok");

    const anthropic = await importUsage(owner, team, upload(fixture("anthropic-usage-report.json")), { fileName: "anthropic.json" });
    const asked = await applyUsageImport(owner, team, anthropic.id, { target: { kind: "new" } }).catch((e: unknown) => e);
    expect(asked).toMatchObject({ code: "validation", fieldErrors: { requestsPerMonth: [expect.any(String)] } });
    const made = await applyUsageImport(owner, team, anthropic.id, { target: { kind: "new" }, requestsPerMonth: 30_000 });
    const s = await getScenario(owner, team, made.id);
    expect((s!.currentRevision!.input as { workload: Record<string, number> }).workload).toMatchObject({
      requestsPerMonth: 30_000,
      inputTokensPerRequest: 1724,
    });
  });

  test("the API: a multipart upload with a write token, applied at once; a declared 1 GB body is 413 naming the limit", async () => {
    const { token } = await createApiToken(owner, team, { name: "ci", access: "write" });
    const post = (form: FormData | null, headers: Record<string, string> = {}) =>
      uploadRoute.POST(
        new Request(`http://localhost/api/v1/teams/${team}/usage-imports`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, ...headers },
          body: form ?? "x",
        }),
        { params: Promise.resolve({ team }) },
      );
    const form = new FormData();
    form.append("format", "auto");
    form.append("target", "new");
    form.append("name", "From CI");
    form.append("file", new Blob([fixture("generic-usage.csv")], { type: "text/csv" }), "usage.csv");
    const res = await post(form);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { rowCount: number; applied: { id: string } };
    expect(body.rowCount).toBe(5);
    expect((await getScenario(owner, team, body.applied.id))?.name).toBe("From CI");

    const huge = await post(null, { "content-type": "multipart/form-data; boundary=x", "content-length": String(1024 ** 3) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { message: string }).message).toBe("The file is larger than the 200 MB limit.");
  });
});
