// Hostile bodies through the real route handlers: control characters and prototype keys are
// refused with the field named and nothing is written; API answers are not cacheable.
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { seed } from "../../lib/data/seed";
import { createUserWithTeam } from "../../lib/data/users";
import { createScenario } from "../../lib/data/scenarios";
import { createApiToken } from "../../lib/data/tokens";
import { scenario as scenarioInput } from "../../lib/engine/test-fixtures";
import * as teamScenarios from "../../app/api/v1/teams/[team]/scenarios/route";
import * as comments from "../../app/api/v1/scenarios/[id]/comments/route";
import * as scenarioRoute from "../../app/api/v1/scenarios/[id]/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(testDbKinds())("hostile request bodies on %s", (kind) => {
  let t: TestDb;
  let team = "";
  let scenarioId = "";
  let token = "";
  const call = (handler: Handler, method: string, params: Record<string, string>, body: string) =>
    handler(
      new Request("http://localhost/api/v1/x", {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body,
      }),
      { params: Promise.resolve(params) },
    );
  const counts = async () => ({
    scenarios: await t.db.scenario.count(),
    comments: await t.db.comment.count(),
    revisions: await t.db.scenarioRevision.count(),
  });

  beforeAll(async () => {
    t = await openTestDb(kind);
    await seed(t.db, { demo: false });
    const o = await createUserWithTeam({ name: "Hana", email: "hana@hardening.test", password: "hana password!" });
    team = o.team.slug;
    scenarioId = (await createScenario(o.user.id, team, { name: "Base", input: scenarioInput() })).id;
    token = (await createApiToken(o.user.id, team, { name: "ci", access: "write" })).token;
  });
  afterAll(async () => t?.close());

  test.each([
    [
      "a NUL in a scenario name",
      teamScenarios.POST,
      "POST",
      (): Record<string, string> => ({ team }),
      (): string => JSON.stringify({ name: "Evil\u0000name", input: scenarioInput() }),
      "name",
    ],
    [
      "an escape sequence in a comment",
      comments.POST,
      "POST",
      (): Record<string, string> => ({ id: scenarioId }),
      (): string => JSON.stringify({ body: "look \u001b[2J here" }),
      "body",
    ],
    [
      "a __proto__ key inside the input",
      teamScenarios.POST,
      "POST",
      (): Record<string, string> => ({ team }),
      (): string => `{"name":"P","input":{"__proto__":{"polluted":true},"workload":{}}}`,
      "input.__proto__",
    ],
    [
      "a NUL in a revision message",
      scenarioRoute.PUT,
      "PUT",
      (): Record<string, string> => ({ id: scenarioId }),
      (): string => JSON.stringify({ baseVersion: 1, input: scenarioInput(), message: "m\u0000" }),
      "message",
    ],
  ] as const)("%s: 422 naming the field, nothing written", async (_label, handler, method, params, body, field) => {
    const before = await counts();
    const res = await call(handler as unknown as Handler, method, params(), body());
    expect(res.status).toBe(422);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys((await res.json()).fieldErrors)).toEqual([field]);
    expect(await counts()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a good write still works, and its answer is not cacheable", async () => {
    const res = await call(
      teamScenarios.POST as unknown as Handler,
      "POST",
      { team },
      JSON.stringify({ name: "Fine ☃", input: scenarioInput() }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
