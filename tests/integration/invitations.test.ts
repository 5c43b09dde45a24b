// Invitations: bound to the invited email unless the owner chose "anyone with the link", listed
// and withdrawn by owners only, single use.
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { seed } from "../../lib/data/seed";
import { signUpVerified } from "../support/users";
import { acceptInvitation, createInvitation, getInvitation, listInvitations, revokeInvitation } from "../../lib/data/members";

describe.each(testDbKinds())("invitations on %s", (kind) => {
  let t: TestDb;
  let owner = "";
  let team = "";
  let ivy = "";
  let jon = "";

  beforeAll(async () => {
    t = await openTestDb(kind);
    await seed(t.db, { demo: false });
    const o = await signUpVerified({ name: "Orla", email: "orla@invite.test", password: "orla's long password" });
    owner = o.user.id;
    team = o.team.slug;
    ivy = (await signUpVerified({ name: "Ivy", email: "ivy@invite.test", password: "ivy's long password" })).user.id;
    jon = (await signUpVerified({ name: "Jon", email: "jon@invite.test", password: "jon's long password" })).user.id;
  });
  afterAll(async () => t?.close());

  const memberOf = async (userId: string) => (await t.db.membership.count({ where: { userId, team: { slug: team } } })) === 1;

  test("a link for one email works only for that account", async () => {
    const inv = await createInvitation(owner, team, { email: "ivy@invite.test", role: "editor" });
    expect(await getInvitation(jon, inv.token)).toMatchObject({
      team: "Orla's team",
      inviter: "Orla",
      role: "editor",
      state: "other-email",
    });
    await expect(acceptInvitation(jon, inv.token)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/for ivy@invite\.test/),
    });
    expect(await memberOf(jon)).toBe(false);
    expect(await getInvitation(ivy, inv.token)).toMatchObject({ state: "open" });
    await acceptInvitation(ivy, inv.token);
    expect(await memberOf(ivy)).toBe(true);
    expect(await getInvitation(ivy, inv.token)).toMatchObject({ state: "used" });
  });

  test("'anyone with the link' is an explicit choice", async () => {
    const inv = await createInvitation(owner, team, { email: "someone@invite.test", role: "viewer", anyoneWithLink: true });
    await acceptInvitation(jon, inv.token);
    expect(await memberOf(jon)).toBe(true);
  });

  test("owners list pending invitations and withdraw them; others cannot; a withdrawn link stops", async () => {
    const inv = await createInvitation(owner, team, { email: "late@invite.test", role: "owner" });
    expect((await listInvitations(owner, team)).map((i) => i.email)).toContain("late@invite.test");
    await expect(listInvitations(ivy, team)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeInvitation(jon, team, inv.id)).rejects.toMatchObject({ code: "forbidden" });
    await revokeInvitation(owner, team, inv.id);
    expect((await listInvitations(owner, team)).map((i) => i.email)).not.toContain("late@invite.test");
    const late = (await signUpVerified({ name: "Late", email: "late@invite.test", password: "late's long password" })).user.id;
    expect(await getInvitation(late, inv.token)).toMatchObject({ state: "revoked" });
    await expect(acceptInvitation(late, inv.token)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/withdrawn/),
    });
    expect(await memberOf(late)).toBe(false);
    await expect(revokeInvitation(owner, team, inv.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
