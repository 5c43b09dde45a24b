import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { changePassword, createUserWithTeam, getActiveUser, signOutEverywhere } from "../../lib/data/users";
import { verifyPassword } from "../../lib/auth/password";
import { listTeamsForUser, getTeamForMember } from "../../lib/data/teams";
import { authOptions } from "../../lib/auth/options";
import { AppError } from "../../lib/errors";

process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";

async function counts(db: TestDb["db"]) {
  return { users: await db.user.count(), teams: await db.team.count(), memberships: await db.membership.count() };
}

async function authorize(email: string, password: string) {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
    options: { authorize: (c: Record<string, string>) => Promise<unknown> };
  };
  return provider.options.authorize({ email, password });
}

describe.each(testDbKinds())("sign-up and sign-in on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(kind);
  });
  afterAll(async () => t?.close());

  test("the first sign-up creates a personal team with the user as owner", async () => {
    const { user, team } = await createUserWithTeam({
      name: "Ada Lovelace",
      email: " Ada@Example.com ",
      password: "correct horse battery",
    });
    expect(user.email).toBe("ada@example.com");
    expect(user).not.toHaveProperty("passwordHash");
    const teams = await listTeamsForUser(user.id);
    expect(teams).toEqual([{ id: team.id, name: "Ada Lovelace's team", slug: "ada-lovelace", role: "owner" }]);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  test.each([
    ["bad email", { name: "B", email: "not-an-email", password: "long enough pw" }, "email"],
    ["short password", { name: "B", email: "b@example.com", password: "short" }, "password"],
    ["missing name", { name: "  ", email: "c@example.com", password: "long enough pw" }, "name"],
    ["duplicate email", { name: "Dup", email: "ADA@example.com", password: "long enough pw" }, "email"],
    ["not an object", "hello", "_"],
  ])("%s is rejected with a field error and writes nothing", async (_label, input, field) => {
    const before = await counts(t.db);
    const error = await createUserWithTeam(input).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("validation");
    expect(Object.keys(error.fieldErrors)).toContain(field);
    expect(await counts(t.db)).toEqual(before);
  });

  test("sign-in checks the password", async () => {
    expect(await authorize("ada@example.com", "correct horse battery")).toMatchObject({ email: "ada@example.com" });
    expect(await authorize("ada@example.com", "wrong password!")).toBeNull();
    expect(await authorize("nobody@example.com", "correct horse battery")).toBeNull();
  });

  test("a disabled user, or one whose sessions were revoked, loses access", async () => {
    const { user } = await createUserWithTeam({ name: "Eve", email: "eve@example.com", password: "eve's password" });
    expect(await getActiveUser(user.id, 0)).not.toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    expect(await getActiveUser(user.id, 0)).toBeNull();
    expect(await getActiveUser(user.id, 1)).not.toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await getActiveUser(user.id, 1)).toBeNull();
    expect(await authorize("eve@example.com", "eve's password")).toBeNull();
  });

  test("a non-member gets 'not found' for another team", async () => {
    const a = await createUserWithTeam({ name: "Owner A", email: "a@example.com", password: "password A!!" });
    const b = await createUserWithTeam({ name: "Owner B", email: "b2@example.com", password: "password B!!" });
    await expect(getTeamForMember(b.user.id, a.team.slug)).rejects.toMatchObject({ code: "not_found" });
    await expect(getTeamForMember(a.user.id, a.team.slug)).resolves.toMatchObject({ role: "owner" });
  });

  test("blank and common passwords are refused at sign-up, naming the field", async () => {
    for (const password of ["          ", "password123", "1234567890"]) {
      await expect(
        createUserWithTeam({ name: "Weak", email: `weak-${password.length}-${password.charCodeAt(0)}@example.com`, password }),
      ).rejects.toMatchObject({ code: "validation", fieldErrors: { password: [expect.stringMatching(/too easy to guess/)] } });
    }
    expect(await t.db.user.count({ where: { name: "Weak" } })).toBe(0);
  });

  test("signing out ends the session on the server; a password change needs the current one and ends every session", async () => {
    const { user } = await createUserWithTeam({ name: "Sid", email: "sid@example.com", password: "sid's long password" });
    // Signing out (next-auth's signOut event) makes a copied cookie useless.
    expect(await getActiveUser(user.id, 0)).not.toBeNull();
    await authOptions().events!.signOut!({ token: { uid: user.id }, session: null } as never);
    expect(await getActiveUser(user.id, 0)).toBeNull();
    expect(await getActiveUser(user.id, 1)).not.toBeNull();

    await expect(changePassword(user.id, { currentPassword: "wrong one", newPassword: "a brand new phrase" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["This is not your current password."] },
    });
    await expect(changePassword(user.id, { currentPassword: "sid's long password", newPassword: "password123" })).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/too easy/)] },
    });
    expect(await getActiveUser(user.id, 1)).not.toBeNull(); // refused changes end nothing
    await changePassword(user.id, { currentPassword: "sid's long password", newPassword: "a brand new phrase" });
    expect(await getActiveUser(user.id, 1)).toBeNull();
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(stored.passwordHash, "a brand new phrase")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "sid's long password")).toBe(false);

    await expect(signOutEverywhere(user.id, { confirm: "yes" })).rejects.toMatchObject({
      fieldErrors: { confirm: [expect.stringMatching(/sign out everywhere/)] },
    });
    await signOutEverywhere(user.id, { confirm: "sign out everywhere" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(stored.sessionVersion + 1);
  });
});
