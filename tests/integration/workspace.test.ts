import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { signUpVerified } from "../support/users";
import { acceptInvitation, updateMember, createInvitation, createTeam, leaveTeam, listMembers, removeMember } from "../../lib/data/members";
import {
  createScenario,
  duplicateScenario,
  getRevision,
  getScenario,
  listRevisions,
  listScenarios,
  restoreRevision,
  saveRevision,
  setScenarioStatus,
} from "../../lib/data/scenarios";
import { addComment, listComments } from "../../lib/data/comments";
import { listAuditEvents } from "../../lib/data/audit";
import { loadComparisonMemo, loadScenarioMemo } from "../../lib/memo/load";
import { memoFromDraft } from "../../lib/memo/from-sources";
import { scenario as scenarioInput } from "../../lib/engine/test-fixtures";

type Actor = "owner" | "editor" | "viewer" | "outsider";
type Outcome = "ok" | "forbidden" | "not_found";

describe.each(testDbKinds())("team workspace on %s", (kind) => {
  let t: TestDb;
  const ids: Record<Actor, string> = { owner: "", editor: "", viewer: "", outsider: "" };
  let spare = ""; // a member others try to remove
  let team = "";
  let scenarioId = "";

  async function outcome(fn: () => Promise<unknown>): Promise<Outcome> {
    try {
      await fn();
      return "ok";
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "forbidden" || code === "not_found") return code;
      throw error;
    }
  }

  async function snapshot() {
    const db = t.db;
    return {
      scenarios: await db.scenario.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, status: true, name: true } }),
      revisions: await db.scenarioRevision.count(),
      comments: await db.comment.count(),
      memberships: await db.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true } }),
      invitations: await db.invitation.count(),
    };
  }

  beforeAll(async () => {
    t = await openTestDb(kind);
    const owner = await signUpVerified({ name: "Olive Owner", email: "owner@a.test", password: "owner password" });
    ids.owner = owner.user.id;
    team = owner.team.slug;
    for (const role of ["editor", "viewer"] as const) {
      const u = await signUpVerified({ name: `Someone ${role}`, email: `${role}@a.test`, password: `${role} password` });
      ids[role] = u.user.id;
      const inv = await createInvitation(ids.owner, team, { email: `${role}@a.test`, role });
      await acceptInvitation(u.user.id, inv.token);
    }
    const s = await signUpVerified({ name: "Spare", email: "spare@a.test", password: "spare password" });
    spare = s.user.id;
    await acceptInvitation(spare, (await createInvitation(ids.owner, team, { email: "spare@a.test", role: "viewer" })).token);
    ids.outsider = (await signUpVerified({ name: "Mallory", email: "mallory@b.test", password: "mallory password" })).user.id;
    scenarioId = (await createScenario(ids.owner, team, { name: "Support bot", input: scenarioInput() })).id;
  });
  afterAll(async () => t?.close());

  const current = async () => (await t.db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).version;

  const operations: [string, (actor: string) => Promise<unknown>, Record<Actor, Outcome>][] = [
    [
      "read the scenario",
      async (a) => {
        if (!(await getScenario(a, team, scenarioId))) throw Object.assign(new Error(), { code: "not_found" });
      },
      { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" },
    ],
    ["list revisions", (a) => listRevisions(a, scenarioId), { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" }],
    ["read a revision", (a) => getRevision(a, scenarioId, 1), { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" }],
    ["list comments", (a) => listComments(a, scenarioId), { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" }],
    ["export the memo", (a) => loadScenarioMemo(a, scenarioId, {}), { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" }],
    [
      "export revision 1's memo",
      (a) => loadScenarioMemo(a, scenarioId, { revision: 1 }),
      { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" },
    ],
    [
      "export a comparison memo",
      (a) => loadComparisonMemo(a, team, [{ id: scenarioId }, { id: scenarioId, revision: 1 }], {}),
      { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" },
    ],
    ["list members", (a) => listMembers(a, team), { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" }],
    [
      "read the audit log",
      (a) => listAuditEvents(a, team),
      { owner: "ok", editor: "forbidden", viewer: "forbidden", outsider: "not_found" },
    ],
  ];

  const writes: [string, (actor: string) => Promise<unknown>, Record<Actor, Outcome>][] = [
    [
      "save a revision",
      async (a) =>
        saveRevision(a, scenarioId, { baseVersion: await current(), input: scenarioInput({ name: `by ${a}` }), message: "edit" }),
      { owner: "ok", editor: "ok", viewer: "forbidden", outsider: "not_found" },
    ],
    [
      "change the status",
      async (a) => {
        const s = await t.db.scenario.findUniqueOrThrow({ where: { id: scenarioId } });
        return setScenarioStatus(a, scenarioId, { baseVersion: s.version, status: s.status === "draft" ? "proposed" : "draft" });
      },
      { owner: "ok", editor: "ok", viewer: "forbidden", outsider: "not_found" },
    ],
    ["duplicate", (a) => duplicateScenario(a, scenarioId), { owner: "ok", editor: "ok", viewer: "forbidden", outsider: "not_found" }],
    [
      "restore a revision",
      async (a) => restoreRevision(a, scenarioId, 1, { baseVersion: await current() }),
      { owner: "ok", editor: "ok", viewer: "forbidden", outsider: "not_found" },
    ],
    [
      "comment",
      (a) => addComment(a, scenarioId, { body: "Looks right" }),
      { owner: "ok", editor: "ok", viewer: "ok", outsider: "not_found" },
    ],
    [
      "create a scenario in the team",
      (a) => createScenario(a, team, { name: "New", input: scenarioInput() }),
      { owner: "ok", editor: "ok", viewer: "forbidden", outsider: "not_found" },
    ],
    [
      "invite someone",
      (a) => createInvitation(a, team, { email: "new@a.test", role: "viewer" }),
      { owner: "ok", editor: "forbidden", viewer: "forbidden", outsider: "not_found" },
    ],
    [
      "change a member's role",
      (a) => updateMember(a, team, spare, { role: "editor" }),
      { owner: "ok", editor: "forbidden", viewer: "forbidden", outsider: "not_found" },
    ],
    [
      "remove a member",
      (a) => removeMember(a, team, spare),
      { owner: "ok", editor: "forbidden", viewer: "forbidden", outsider: "not_found" },
    ],
  ];

  test.each(
    operations.flatMap(([name, fn, expected]) =>
      (Object.keys(expected) as Actor[]).map((actor) => [name, actor, fn, expected[actor]] as const),
    ),
  )("%s as %s", async (_name, actor, fn, expected) => {
    expect(await outcome(() => fn(ids[actor]))).toBe(expected);
  });

  test.each(
    writes.flatMap(([name, fn, expected]) =>
      (Object.keys(expected) as Actor[]).filter((a) => expected[a] !== "ok").map((actor) => [name, actor, fn, expected[actor]] as const),
    ),
  )("%s as %s is refused and writes nothing", async (_name, actor, fn, expected) => {
    const before = await snapshot();
    expect(await outcome(() => fn(ids[actor]))).toBe(expected);
    expect(await snapshot()).toEqual(before);
  });

  test.each(
    writes
      .filter(([name]) => name !== "remove a member")
      .flatMap(([name, fn, expected]) =>
        (["editor", "owner"] as Actor[]).filter((a) => expected[a] === "ok").map((actor) => [name, actor, fn] as const),
      ),
  )("%s as %s succeeds", async (_name, actor, fn) => {
    expect(await outcome(() => fn(ids[actor]))).toBe("ok");
  });

  test("an outsider lists no scenarios of the team and cannot find its scenario by id", async () => {
    expect(await listScenarios(ids.outsider, team)).toEqual([]);
    expect(await getScenario(ids.outsider, team, scenarioId)).toBeNull();
    const outsiderTeam = (await t.db.team.findFirstOrThrow({ where: { memberships: { some: { userId: ids.outsider } } } })).slug;
    expect(await getScenario(ids.outsider, outsiderTeam, scenarioId)).toBeNull();
    // Naming their own team in the comparison memo does not reach another team's scenario either.
    const own = (await createScenario(ids.outsider, outsiderTeam, { name: "Mine", input: scenarioInput() })).id;
    await expect(loadComparisonMemo(ids.outsider, outsiderTeam, [{ id: own }, { id: scenarioId }], {})).rejects.toMatchObject({
      code: "not_found",
    });
  });

  test("the memo names the team, the revision's authors and its catalog version; a missing revision is not found", async () => {
    const { draft, fileBase } = await loadScenarioMemo(ids.viewer, scenarioId, {
      context: "Why now",
      now: new Date("2026-11-29T10:00:00Z"),
    });
    const memo = memoFromDraft(draft);
    expect(memo.team).toBe((await t.db.team.findFirstOrThrow({ where: { slug: team } })).name);
    expect(memo.authors).toContain("Olive Owner");
    expect(memo.context).toBe("Why now");
    expect(memo.catalogVersions).toHaveLength(1);
    expect(fileBase).toMatch(new RegExp(`^breakeven-memo_${team}_support-bot_rev\\d+_2026-11-29$`));
    await expect(loadScenarioMemo(ids.owner, scenarioId, { revision: 999 })).rejects.toMatchObject({ code: "not_found" });
  });

  test("two saves from the same version: one lands, the other gets a conflict; nothing is lost", async () => {
    const base = await current();
    const revisionsBefore = await t.db.scenarioRevision.count({ where: { scenarioId } });
    const results = await Promise.allSettled([
      saveRevision(ids.owner, scenarioId, { baseVersion: base, input: scenarioInput({ name: "owner's edit" }), message: "owner" }),
      saveRevision(ids.editor, scenarioId, { baseVersion: base, input: scenarioInput({ name: "editor's edit" }), message: "editor" }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason.code).toBe("conflict");
    expect(failed[0].reason.message).toMatch(/changed since you opened it/);
    expect(await t.db.scenarioRevision.count({ where: { scenarioId } })).toBe(revisionsBefore + 1);
    const now = await t.db.scenario.findUniqueOrThrow({ where: { id: scenarioId }, include: { currentRevision: true } });
    expect(now.version).toBe(base + 1);
    const winner = (ok[0] as PromiseFulfilledResult<{ revision: number }>).value.revision;
    expect(now.currentRevision!.number).toBe(winner);
  });

  test("bad input to a save is rejected with field paths and writes nothing", async () => {
    const before = await snapshot();
    const bad = scenarioInput();
    const error = await saveRevision(ids.owner, scenarioId, {
      baseVersion: await current(),
      input: { ...bad, workload: { ...bad.workload, requestsPerMonth: -5 } },
    }).catch((e) => e);
    expect(error.code).toBe("validation");
    expect(error.fieldErrors["input.workload.requestsPerMonth"]).toBeDefined();
    expect(await snapshot()).toEqual(before);
  });

  test("status follows draft → proposed → decided; an impossible jump is refused", async () => {
    const id = (await createScenario(ids.owner, team, { name: "Flow", input: scenarioInput() })).id;
    const v = (await t.db.scenario.findUniqueOrThrow({ where: { id } })).version;
    await expect(setScenarioStatus(ids.owner, id, { baseVersion: v, status: "decided" })).rejects.toMatchObject({ code: "validation" });
    const p = await setScenarioStatus(ids.owner, id, { baseVersion: v, status: "proposed" });
    const d = await setScenarioStatus(ids.owner, id, { baseVersion: p.version, status: "decided" });
    expect(d.status).toBe("decided");
  });

  test("invitations are single use and expire", async () => {
    const u = await signUpVerified({ name: "Late", email: "late@a.test", password: "late password" });
    const inv = await createInvitation(
      ids.owner,
      team,
      { email: "late@a.test", role: "viewer" },
      new Date(Date.now() - 8 * 24 * 3600 * 1000),
    );
    await expect(acceptInvitation(u.user.id, inv.token)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/expired/),
    });
    const fresh = await createInvitation(ids.owner, team, { email: "late@a.test", role: "viewer" });
    await expect(acceptInvitation(u.user.id, fresh.token)).resolves.toMatchObject({ role: "viewer" });
    await expect(acceptInvitation(ids.outsider, fresh.token)).rejects.toMatchObject({ code: "conflict" });
    await expect(acceptInvitation(ids.outsider, "not-a-token")).rejects.toMatchObject({ code: "not_found" });
    const stored = await t.db.invitation.findFirstOrThrow({ where: { id: fresh.id } });
    expect(stored.tokenHash).not.toContain(fresh.token);
  });

  test("the last owner cannot leave or be demoted", async () => {
    const solo = await createTeam(ids.outsider, { name: "Solo team" });
    await expect(leaveTeam(ids.outsider, solo.slug)).rejects.toMatchObject({ code: "conflict" });
    await expect(updateMember(ids.outsider, solo.slug, ids.outsider, { role: "editor" })).rejects.toMatchObject({ code: "conflict" });
    expect((await listMembers(ids.outsider, solo.slug)).map((m) => m.role)).toEqual(["owner"]);
  });

  test("every change leaves an audit event that owners can read", async () => {
    const events = await listAuditEvents(ids.owner, team);
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      "scenario.created",
      "scenario.saved",
      "scenario.status_changed",
      "scenario.duplicated",
      "comment.added",
      "invitation.created",
      "invitation.accepted",
      "member.role_changed",
    ]) {
      expect(actions, a).toContain(a);
    }
    // Targets are named, not shown as ids.
    const created = events.find((e) => e.action === "scenario.created" && e.target === `scenario:${scenarioId}`);
    const scenario = await getScenario(ids.owner, team, scenarioId);
    expect(created?.targetLabel).toBe(`scenario “${scenario!.name}”`);
    const roleChange = events.find((e) => e.action === "member.role_changed");
    expect(roleChange?.targetLabel).toMatch(/^.+ \(.+@a\.test\)$/);
    expect(events.filter((e) => e.targetLabel === e.target).map((e) => e.target)).toEqual([]);
  });
});
