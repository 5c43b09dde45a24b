// The public API, route handler by route handler, called as a script or CI job would: with a
// team API token. Every endpoint: happy path, invalid input (422 with field paths), missing or
// revoked token (401), read token writing (403), another team's ids (404), rate limit (429).
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.API_RATE_LIMIT_PER_MINUTE = "1000";

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { seed } from "../../lib/data/seed";
import { signUpVerified } from "../support/users";
import { acceptInvitation, createInvitation, removeMember } from "../../lib/data/members";
import { createScenario } from "../../lib/data/scenarios";
import { createApiToken, revokeApiToken } from "../../lib/data/tokens";
import { scenario as scenarioInput } from "../../lib/engine/test-fixtures";
import * as teamScenarios from "../../app/api/v1/teams/[team]/scenarios/route";
import * as scenarioRoute from "../../app/api/v1/scenarios/[id]/route";
import * as revisions from "../../app/api/v1/scenarios/[id]/revisions/route";
import * as revision from "../../app/api/v1/scenarios/[id]/revisions/[number]/route";
import * as statusRoute from "../../app/api/v1/scenarios/[id]/status/route";
import * as restore from "../../app/api/v1/scenarios/[id]/revisions/[number]/restore/route";
import * as reprice from "../../app/api/v1/scenarios/[id]/reprice/route";
import * as comments from "../../app/api/v1/scenarios/[id]/comments/route";
import * as duplicate from "../../app/api/v1/scenarios/[id]/duplicate/route";
import * as memo from "../../app/api/v1/scenarios/[id]/memo/route";
import * as evaluate from "../../app/api/v1/evaluate/route";
import * as compare from "../../app/api/v1/teams/[team]/compare/route";
import * as compareMemo from "../../app/api/v1/teams/[team]/compare/memo/route";
import * as versions from "../../app/api/v1/catalog/versions/route";
import * as version from "../../app/api/v1/catalog/versions/[id]/route";
import * as current from "../../app/api/v1/catalog/current/route";
import * as history from "../../app/api/v1/catalog/history/route";
import * as tokens from "../../app/api/v1/teams/[team]/tokens/route";
import * as members from "../../app/api/v1/teams/[team]/members/[userId]/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { method: string; path: string; handler: Handler; params: Record<string, string>; body?: unknown };

describe.each(testDbKinds())("public API with team tokens on %s", (kind) => {
  let t: TestDb;
  let team = "";
  let otherTeam = "";
  let scenarioId = "";
  let otherScenarioId = "";
  let catalogId = "";
  let owner = "";
  const tok = { write: "", read: "", revoked: "" };

  function request(c: Call, token: string | null, body = c.body): Promise<Response> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = new Request(`http://localhost${c.path}`, {
      method: c.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return c.handler(req, { params: Promise.resolve(c.params) });
  }
  const version_ = async () => (await t.db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).version;

  beforeAll(async () => {
    t = await openTestDb(kind);
    await seed(t.db);
    const o = await signUpVerified({ name: "Olga Owner", email: "olga@api.test", password: "olga password" });
    owner = o.user.id;
    team = o.team.slug;
    scenarioId = (await createScenario(owner, team, { name: "API scenario", input: scenarioInput() })).id;
    // Olga also edits another team: her token for her own team must not reach it.
    const other = await signUpVerified({ name: "Otto", email: "otto@api.test", password: "otto password" });
    otherTeam = other.team.slug;
    otherScenarioId = (await createScenario(other.user.id, otherTeam, { name: "Otto's", input: scenarioInput() })).id;
    await acceptInvitation(owner, (await createInvitation(other.user.id, otherTeam, { email: "olga@api.test", role: "editor" })).token);
    tok.write = (await createApiToken(owner, team, { name: "CI", access: "write" })).token;
    tok.read = (await createApiToken(owner, team, { name: "dashboards", access: "read" })).token;
    const revoked = await createApiToken(owner, team, { name: "old", access: "write" });
    tok.revoked = revoked.token;
    await revokeApiToken(owner, team, revoked.id);
    catalogId = (await t.db.catalogVersion.findFirstOrThrow({ where: { published: true } })).id;
  });
  afterAll(async () => t?.close());

  const reads = (): (Call & { name: string; other?: Call; invalid?: Call })[] => [
    {
      name: "list scenarios",
      method: "GET",
      path: `/api/v1/teams/${team}/scenarios`,
      handler: teamScenarios.GET as Handler,
      params: { team },
      other: {
        method: "GET",
        path: `/api/v1/teams/${otherTeam}/scenarios`,
        handler: teamScenarios.GET as Handler,
        params: { team: otherTeam },
      },
    },
    {
      name: "get a scenario",
      method: "GET",
      path: `/api/v1/scenarios/${scenarioId}`,
      handler: scenarioRoute.GET as Handler,
      params: { id: scenarioId },
      other: {
        method: "GET",
        path: `/api/v1/scenarios/${otherScenarioId}`,
        handler: scenarioRoute.GET as Handler,
        params: { id: otherScenarioId },
      },
    },
    {
      name: "list revisions",
      method: "GET",
      path: `/api/v1/scenarios/${scenarioId}/revisions`,
      handler: revisions.GET as Handler,
      params: { id: scenarioId },
      other: { method: "GET", path: "", handler: revisions.GET as Handler, params: { id: otherScenarioId } },
    },
    {
      name: "get a revision",
      method: "GET",
      path: `/api/v1/scenarios/${scenarioId}/revisions/1`,
      handler: revision.GET as Handler,
      params: { id: scenarioId, number: "1" },
      other: { method: "GET", path: "", handler: revision.GET as Handler, params: { id: otherScenarioId, number: "1" } },
      invalid: { method: "GET", path: "", handler: revision.GET as Handler, params: { id: scenarioId, number: "first" } },
    },
    {
      name: "memo (Markdown)",
      method: "GET",
      path: `/api/v1/scenarios/${scenarioId}/memo?format=md`,
      handler: memo.GET as Handler,
      params: { id: scenarioId },
      other: {
        method: "GET",
        path: `/api/v1/scenarios/${otherScenarioId}/memo?format=md`,
        handler: memo.GET as Handler,
        params: { id: otherScenarioId },
      },
      invalid: {
        method: "GET",
        path: `/api/v1/scenarios/${scenarioId}/memo?format=docx`,
        handler: memo.GET as Handler,
        params: { id: scenarioId },
      },
    },
    {
      name: "compare",
      method: "GET",
      path: `/api/v1/teams/${team}/compare?s=${scenarioId},${scenarioId}@1`,
      handler: compare.GET as Handler,
      params: { team },
      other: {
        method: "GET",
        path: `/api/v1/teams/${team}/compare?s=${scenarioId},${otherScenarioId}`,
        handler: compare.GET as Handler,
        params: { team },
      },
      invalid: { method: "GET", path: `/api/v1/teams/${team}/compare?s=${scenarioId}`, handler: compare.GET as Handler, params: { team } },
    },
    {
      name: "compare memo",
      method: "GET",
      path: `/api/v1/teams/${team}/compare/memo?format=md&s=${scenarioId},${scenarioId}@1`,
      handler: compareMemo.GET as Handler,
      params: { team },
      other: {
        method: "GET",
        path: `/api/v1/teams/${otherTeam}/compare/memo?format=md&s=${otherScenarioId},${otherScenarioId}`,
        handler: compareMemo.GET as Handler,
        params: { team: otherTeam },
      },
    },
    {
      name: "evaluate",
      method: "POST",
      path: "/api/v1/evaluate",
      handler: evaluate.POST as Handler,
      params: {},
      body: { input: scenarioInput(), monteCarloSamples: 0 },
      invalid: {
        method: "POST",
        path: "/api/v1/evaluate",
        handler: evaluate.POST as Handler,
        params: {},
        body: { input: { ...scenarioInput(), workload: { ...scenarioInput().workload, requestsPerMonth: -1 } } },
      },
    },
    { name: "catalog versions", method: "GET", path: "/api/v1/catalog/versions", handler: versions.GET as Handler, params: {} },
    {
      name: "catalog version rows",
      method: "GET",
      path: `/api/v1/catalog/versions/${catalogId}`,
      handler: version.GET as Handler,
      params: { id: catalogId },
    },
    { name: "current prices", method: "GET", path: "/api/v1/catalog/current", handler: current.GET as Handler, params: {} },
    {
      name: "price history",
      method: "GET",
      path: "/api/v1/catalog/history?kind=gpu&provider=Nebius&gpuType=H100+SXM",
      handler: history.GET as Handler,
      params: {},
      invalid: { method: "GET", path: "/api/v1/catalog/history?kind=tpu", handler: history.GET as Handler, params: {} },
    },
  ];

  const writes = (): (Call & { name: string; other?: Call; invalid?: Call })[] => [
    {
      name: "create a scenario",
      method: "POST",
      path: `/api/v1/teams/${team}/scenarios`,
      handler: teamScenarios.POST as Handler,
      params: { team },
      body: { name: "From CI", input: scenarioInput() },
      other: {
        method: "POST",
        path: "",
        handler: teamScenarios.POST as Handler,
        params: { team: otherTeam },
        body: { name: "Intruder", input: scenarioInput() },
      },
      invalid: {
        method: "POST",
        path: "",
        handler: teamScenarios.POST as Handler,
        params: { team },
        body: { name: "", input: { ...scenarioInput(), workload: { ...scenarioInput().workload, outputTokensPerRequest: 0 } } },
      },
    },
    {
      name: "comment",
      method: "POST",
      path: "",
      handler: comments.POST as Handler,
      params: { id: scenarioId },
      body: { body: "Checked by CI" },
      other: { method: "POST", path: "", handler: comments.POST as Handler, params: { id: otherScenarioId }, body: { body: "hi" } },
      invalid: { method: "POST", path: "", handler: comments.POST as Handler, params: { id: scenarioId }, body: { body: "" } },
    },
    {
      name: "duplicate",
      method: "POST",
      path: "",
      handler: duplicate.POST as Handler,
      params: { id: scenarioId },
      other: { method: "POST", path: "", handler: duplicate.POST as Handler, params: { id: otherScenarioId } },
    },
  ];

  test("read endpoints: a read token reads; no token or a revoked one is 401; another team's ids are 404; bad input is 422", async () => {
    for (const c of reads()) {
      const ok = await request(c, tok.read);
      expect(ok.status, `${c.name}: ${await ok.clone().text()}`).toBe(200);
      expect((await request(c, null)).status, `${c.name} without a token`).toBe(401);
      expect((await request(c, tok.revoked)).status, `${c.name} with a revoked token`).toBe(401);
      if (c.other) {
        const res = await request({ ...c.other, path: c.other.path || c.path }, tok.write);
        expect(res.status, `${c.name} of another team`).toBe(404);
        expect(await res.text()).not.toContain("Otto's");
      }
      if (c.invalid) {
        const res = await request({ ...c.invalid, path: c.invalid.path || c.path }, tok.read);
        expect(res.status, `${c.name} with bad input`).toBe(422);
        const problem = await res.json();
        expect(problem).toMatchObject({ status: 422, code: "validation" });
        expect(Object.keys(problem.fieldErrors ?? {}).length, `${c.name} names the field`).toBeGreaterThan(0);
      }
    }
  });

  test("a comparison names 2 to 6 scenarios: a 7th is refused with 422 naming s, never cut", async () => {
    const seven = Array.from({ length: 7 }, () => scenarioId).join(",");
    for (const [handler, path] of [
      [compare.GET, `/api/v1/teams/${team}/compare?s=${seven}`],
      [compareMemo.GET, `/api/v1/teams/${team}/compare/memo?format=md&s=${seven}`],
    ] as const) {
      const res = await request({ method: "GET", path, handler: handler as Handler, params: { team } }, tok.read);
      expect(res.status, path).toBe(422);
      expect((await res.json()).fieldErrors.s[0]).toMatch(/2 to 6 .*this names 7/);
    }
    const six = Array.from({ length: 6 }, () => scenarioId).join(",");
    const ok = await request(
      { method: "GET", path: `/api/v1/teams/${team}/compare?s=${six}`, handler: compare.GET as Handler, params: { team } },
      tok.read,
    );
    expect((await ok.json()).scenarios).toHaveLength(6);
  });

  test("write endpoints: a write token writes, a read token gets 403 and writes nothing", async () => {
    for (const c of writes()) {
      const before = { scenarios: await t.db.scenario.count(), comments: await t.db.comment.count() };
      const denied = await request(c, tok.read);
      expect(denied.status, `${c.name} with a read token`).toBe(403);
      expect({ scenarios: await t.db.scenario.count(), comments: await t.db.comment.count() }).toEqual(before);
      const ok = await request(c, tok.write);
      expect([200, 201], `${c.name}: ${await ok.clone().text()}`).toContain(ok.status);
      expect((await request(c, null)).status).toBe(401);
      if (c.other) expect((await request({ ...c.other, path: c.path }, tok.write)).status, `${c.name} in another team`).toBe(404);
      if (c.invalid) {
        const res = await request({ ...c.invalid, path: c.path }, tok.write);
        expect(res.status, `${c.name} with bad input`).toBe(422);
        expect(Object.keys((await res.json()).fieldErrors ?? {}).length).toBeGreaterThan(0);
      }
    }
  });

  test("saving a revision checks the version; archiving works; field paths name the bad input", async () => {
    const call: Call = {
      method: "PUT",
      path: `/api/v1/scenarios/${scenarioId}`,
      handler: scenarioRoute.PUT as Handler,
      params: { id: scenarioId },
    };
    const base = await version_();
    const bad = await request(call, tok.write, {
      baseVersion: base,
      input: { ...scenarioInput(), workload: { ...scenarioInput().workload, requestsPerMonth: "lots" } },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).fieldErrors).toHaveProperty(["input.workload.requestsPerMonth"]);
    expect((await request(call, tok.read, { baseVersion: base, input: scenarioInput() })).status).toBe(403);
    const saved = await request(call, tok.write, { baseVersion: base, input: scenarioInput(), message: "from CI" });
    expect(saved.status).toBe(200);
    const stale = await request(call, tok.write, { baseVersion: base, input: scenarioInput() });
    expect(stale.status).toBe(409);
    expect(
      (await request({ ...call, params: { id: otherScenarioId } }, tok.write, { baseVersion: 1, input: scenarioInput() })).status,
    ).toBe(404);
    const status: Call = { method: "POST", path: "", handler: statusRoute.POST as Handler, params: { id: scenarioId } };
    expect((await request(status, tok.write, { baseVersion: await version_(), status: "nonsense" })).status).toBe(422);
    const archive: Call = {
      method: "DELETE",
      path: `/api/v1/scenarios/${scenarioId}`,
      handler: scenarioRoute.DELETE as Handler,
      params: { id: scenarioId },
    };
    expect((await request(archive, tok.read, { baseVersion: await version_() })).status).toBe(403);
    expect((await request(archive, tok.write, { baseVersion: await version_() })).status).toBe(200);
    expect((await t.db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).status).toBe("archived");
  });

  test("version-checked writes (save, status, restore, re-price, archive): 401 without a token, 403 for read tokens, 404 across teams, 429 past the limit", async () => {
    const id = (await createScenario(owner, team, { name: "Versioned", input: scenarioInput() })).id;
    const calls = (target: string): (Call & { name: string; body: unknown })[] => [
      {
        name: "save",
        method: "PUT",
        path: "",
        handler: scenarioRoute.PUT as Handler,
        params: { id: target },
        body: { baseVersion: 1, input: scenarioInput() },
      },
      {
        name: "status",
        method: "POST",
        path: "",
        handler: statusRoute.POST as Handler,
        params: { id: target },
        body: { baseVersion: 1, status: "proposed" },
      },
      {
        name: "restore",
        method: "POST",
        path: "",
        handler: restore.POST as Handler,
        params: { id: target, number: "1" },
        body: { baseVersion: 1 },
      },
      { name: "re-price", method: "POST", path: "", handler: reprice.POST as Handler, params: { id: target }, body: { baseVersion: 1 } },
      {
        name: "archive",
        method: "DELETE",
        path: "",
        handler: scenarioRoute.DELETE as Handler,
        params: { id: target },
        body: { baseVersion: 1 },
      },
      { name: "comments", method: "GET", path: "", handler: comments.GET as Handler, params: { id: target }, body: undefined },
    ];
    const before = await t.db.scenario.findUniqueOrThrow({ where: { id } });
    for (const c of calls(id)) {
      const p = { ...c, path: `/api/v1/scenarios/${id}` };
      expect((await request(p, null)).status, c.name).toBe(401);
      if (c.method !== "GET") expect((await request(p, tok.read)).status, `${c.name} with a read token`).toBe(403);
    }
    expect(await t.db.scenario.findUniqueOrThrow({ where: { id } })).toEqual(before);
    for (const c of calls(otherScenarioId))
      expect((await request({ ...c, path: "/x" }, tok.write)).status, `${c.name} in another team`).toBe(404);
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    try {
      for (const c of calls(id)) {
        const fresh = (await createApiToken(owner, team, { name: `limit ${c.name}`, access: "write" })).token;
        await request({ ...c, path: "/x" }, fresh);
        await request({ ...c, path: "/x" }, fresh);
        const limited = await request({ ...c, path: "/x" }, fresh);
        expect(limited.status, c.name).toBe(429);
        expect(limited.headers.get("retry-after")).toBeTruthy();
      }
    } finally {
      process.env.API_RATE_LIMIT_PER_MINUTE = "1000";
    }
  });

  test("tokens: only owners manage them, the secret is shown once, revoked tokens stop at once, last use is recorded", async () => {
    const call: Call = { method: "POST", path: `/api/v1/teams/${team}/tokens`, handler: tokens.POST as Handler, params: { team } };
    // A token cannot create tokens (owners only, signed in).
    expect((await request(call, tok.write, { name: "x", access: "read" })).status).toBe(403);
    const created = await createApiToken(owner, team, { name: "temp", access: "read" });
    const list = await request({ method: "GET", path: "", handler: tokens.GET as Handler, params: { team } }, tok.write);
    expect(list.status).toBe(403);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const get: Call = { method: "GET", path: `/api/v1/catalog/current`, handler: current.GET as Handler, params: {} };
    expect((await request(get, created.token)).status).toBe(200);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
    await revokeApiToken(owner, team, created.id);
    expect((await request(get, created.token)).status).toBe(401);
    await expect(createApiToken(owner, team, { name: "", access: "admin" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: expect.any(Array), access: expect.any(Array) },
    });
  });

  test("a token never removes or demotes anyone, its creator included; a removed member's tokens stay revoked after a new invitation", async () => {
    // Mia joins as a second owner and makes tokens; her read token tries to take her out of the team.
    const mia = (await signUpVerified({ name: "Mia", email: "mia@api.test", password: "mia password!" })).user.id;
    await acceptInvitation(mia, (await createInvitation(owner, team, { email: "mia@api.test", role: "owner" })).token);
    const miaRead = (await createApiToken(mia, team, { name: "mia read", access: "read" })).token;
    const miaWrite = (await createApiToken(mia, team, { name: "mia write", access: "write" })).token;
    const leave: Call = {
      method: "DELETE",
      path: `/api/v1/teams/${team}/members/${mia}`,
      handler: members.DELETE as Handler,
      params: { team, userId: mia },
    };
    const demote: Call = {
      method: "PATCH",
      path: `/api/v1/teams/${team}/members/${mia}`,
      handler: members.PATCH as Handler,
      params: { team, userId: mia },
      body: { role: "viewer" },
    };
    for (const token of [miaRead, miaWrite, tok.write]) {
      expect((await request(leave, token)).status).toBe(403);
      expect((await request(demote, token)).status).toBe(403);
    }
    const teamId = (await t.db.team.findUniqueOrThrow({ where: { slug: team } })).id;
    expect(await t.db.membership.findUnique({ where: { userId_teamId: { userId: mia, teamId } } })).toMatchObject({ role: "owner" });

    // The owner removes her (a session): her tokens stop, and stay stopped when she is invited back.
    await removeMember(owner, team, mia);
    const list: Call = { method: "GET", path: `/api/v1/teams/${team}/scenarios`, handler: teamScenarios.GET as Handler, params: { team } };
    expect((await request(list, miaWrite)).status).toBe(401);
    await acceptInvitation(mia, (await createInvitation(owner, team, { email: "mia@api.test", role: "editor" })).token);
    expect((await request(list, miaWrite)).status).toBe(401);
    expect((await request(list, miaRead)).status).toBe(401);
  });

  test("every endpoint is rate-limited per token: 429 with Retry-After past the limit", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    try {
      for (const c of [...reads(), ...writes()]) {
        const fresh = (await createApiToken(owner, team, { name: `limit ${c.name}`, access: "write" })).token;
        await request(c, fresh);
        await request(c, fresh);
        const limited = await request(c, fresh);
        expect(limited.status, c.name).toBe(429);
        expect(Number(limited.headers.get("retry-after")), c.name).toBeGreaterThan(0);
        expect(await limited.json()).toMatchObject({ status: 429, code: "rate_limited" });
      }
    } finally {
      process.env.API_RATE_LIMIT_PER_MINUTE = "1000";
    }
  });
});
