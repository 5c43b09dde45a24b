// Accounts past sign-up: addresses confirmed by emailed link, passwords reset by emailed link,
// sign-in failures slowed per account and client, sign-up limited per client, and owners
// suspending a member's access to their own team only.
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.NEXTAUTH_URL = "http://breakeven.test";
process.env.ADMIN_EMAILS = "boss@accounts.test";
process.env.SIGNUP_LIMIT_PER_HOUR = "4";

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { latestEmail, linkIn } from "../support/outbox";
import { signUpVerified } from "../support/users";
import { createUserWithTeam, getActiveUser, linkOAuthUser } from "../../lib/data/users";
import { requestPasswordReset, resetPassword, sendVerificationEmail, verifyEmail } from "../../lib/data/account-links";
import { beginSignInAttempt, FREE_FAILURES } from "../../lib/data/sign-in-throttle";
import { acceptInvitation, createInvitation, updateMember } from "../../lib/data/members";
import { getTeamForMember, listTeamsForUser } from "../../lib/data/teams";
import { authenticateApiToken, createApiToken } from "../../lib/data/tokens";
import { isCatalogAdmin } from "../../lib/data/catalog";
import { verifyPassword } from "../../lib/auth/password";
import { authOptions } from "../../lib/auth/options";
import { runRequest } from "../../lib/auth/request-scope";
import * as signupRoute from "../../app/api/signup/route";
import * as resetRoute from "../../app/api/account/password-reset/route";

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
function signIn(email: string, password: string, client = "198.51.100.1") {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": client } });
}

const post = (handler: (req: Request) => Promise<Response>, body: unknown, client: string) =>
  handler(
    new Request("http://breakeven.test/api", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": client },
      body: JSON.stringify(body),
    }),
  );

const tokenOf = (link: URL) => link.searchParams.get("token")!;

describe.each(testDbKinds())("accounts on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(kind);
  });
  afterAll(async () => t?.close());

  test("sign-up emails a link at NEXTAUTH_URL that confirms the address once; a newer link voids the older", async () => {
    const since = new Date();
    const res = await post(
      signupRoute.POST,
      { name: "Vera", email: `vera-${kind}@accounts.test`, password: "vera's long password" },
      "203.0.113.7",
    );
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
    const first = linkIn(await latestEmail(`vera-${kind}@accounts.test`, /Confirm your email/, since));
    expect(first.origin + first.pathname).toBe("http://breakeven.test/verify-email");

    // Asking again sends a new link; only the newest works.
    const again = new Date();
    await sendVerificationEmail(user.id);
    const second = linkIn(await latestEmail(`vera-${kind}@accounts.test`, /Confirm your email/, again));
    expect(tokenOf(second)).not.toBe(tokenOf(first));
    await expect(verifyEmail({ token: tokenOf(first) })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { token: [expect.stringMatching(/not valid any more/)] },
    });
    await expect(verifyEmail({ token: tokenOf(second) })).resolves.toEqual({ email: `vera-${kind}@accounts.test` });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
    await expect(verifyEmail({ token: tokenOf(second) })).rejects.toMatchObject({ code: "validation" });
    await expect(verifyEmail({ token: "short" })).rejects.toMatchObject({ fieldErrors: { token: [expect.any(String)] } });
    await expect(sendVerificationEmail(user.id)).resolves.toMatchObject({ alreadyVerified: true });
  });

  test("ADMIN_EMAILS counts an address only once it is confirmed", async () => {
    const { user } = await createUserWithTeam({ name: "Boss", email: "boss@accounts.test", password: "the boss's long password" });
    expect(await isCatalogAdmin(user.id)).toBe(false);
    const since = new Date();
    await sendVerificationEmail(user.id);
    await verifyEmail({ token: tokenOf(linkIn(await latestEmail("boss@accounts.test", /Confirm/, since))) });
    expect(await isCatalogAdmin(user.id)).toBe(true);
  });

  test("an invitation bound to an address needs that address confirmed", async () => {
    const owner = await signUpVerified({ name: "Inga", email: `inga-${kind}@accounts.test`, password: "inga's long password" });
    const { user } = await createUserWithTeam({ name: "Ned", email: `ned-${kind}@accounts.test`, password: "ned's long password" });
    const since = new Date();
    const inv = await createInvitation(owner.user.id, owner.team.slug, { email: `ned-${kind}@accounts.test`, role: "viewer" });
    // The invitee receives the link by email too.
    expect(linkIn(await latestEmail(`ned-${kind}@accounts.test`, /invited you to Inga's team/, since)).pathname).toBe(
      `/invite/${inv.token}`,
    );
    await expect(acceptInvitation(user.id, inv.token)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/Confirm that ned-.*is your address/),
    });
    expect(await t.db.invitation.findFirstOrThrow({ where: { id: inv.id } })).toMatchObject({ acceptedAt: null });
    await t.db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    await expect(acceptInvitation(user.id, inv.token)).resolves.toMatchObject({ role: "viewer" });
  });

  test("a reset request answers alike for any address; the link sets a new password once, ends sessions and clears failed sign-ins", async () => {
    const email = `rita-${kind}@accounts.test`;
    const { user } = await createUserWithTeam({ name: "Rita", email, password: "rita's old password" });
    const unknown = await post(resetRoute.POST, { email: `nobody-${kind}@accounts.test` }, "192.0.2.10");
    const known = await post(resetRoute.POST, { email }, "192.0.2.10");
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    await expect(latestEmail(`nobody-${kind}@accounts.test`, /.*/, new Date(0), { tries: 5 }).catch(() => null)).resolves.toBeNull();
    const link = linkIn(await latestEmail(email, /Reset your Breakeven password/, new Date(Date.now() - 60_000)));
    expect(link.pathname).toBe("/reset-password");

    // Failed sign-ins from a client pile up…
    for (let i = 0; i < FREE_FAILURES; i++) await signIn(email, `wrong ${i}`, "192.0.2.99");
    await expect(signIn(email, "rita's old password", "192.0.2.99")).rejects.toThrow(/TooManyAttempts/);

    // A weak password is refused without using up the link.
    await expect(resetPassword({ token: tokenOf(link), newPassword: "password123" })).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/too easy/)] },
    });
    await expect(resetPassword({ token: tokenOf(link), newPassword: "a fresh phrase for rita" })).resolves.toEqual({ email });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, "a fresh phrase for rita")).toBe(true);
    expect(stored.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await getActiveUser(user.id, 0)).toBeNull(); // every earlier session ended
    await expect(resetPassword({ token: tokenOf(link), newPassword: "another fresh phrase" })).rejects.toMatchObject({
      fieldErrors: { token: [expect.stringMatching(/not valid/)] },
    });
    // The client that was waiting may sign in at once with the new password.
    await expect(signIn(email, "a fresh phrase for rita", "192.0.2.99")).resolves.toMatchObject({ email });
  });

  test("reset links expire, and the form cannot flood an inbox or be hammered from one client", async () => {
    const email = `flo-${kind}@accounts.test`;
    await createUserWithTeam({ name: "Flo", email, password: "flo's long password" });
    const since = new Date();
    await requestPasswordReset({ email }, `flood-${kind}`);
    const link = linkIn(await latestEmail(email, /Reset/, since));
    await t.db.accountToken.updateMany({
      where: { email, purpose: "reset-password", usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(resetPassword({ token: tokenOf(link), newPassword: "a fresh phrase for flo" })).rejects.toMatchObject({
      code: "validation",
    });
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email }, `flood-${kind}`);
    // Three emails per address per window, however many requests.
    expect(await t.db.accountToken.count({ where: { email, purpose: "reset-password" } })).toBe(3);
    for (let i = 0; i < 4; i++) await requestPasswordReset({ email: `x${i}@accounts.test` }, `flood-${kind}`);
    await expect(requestPasswordReset({ email }, `flood-${kind}`)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(requestPasswordReset({ email: "not an email" }, `other-${kind}`)).rejects.toMatchObject({
      fieldErrors: { email: [expect.any(String)] },
    });
  });

  test("failed sign-ins slow down the client that makes them, doubling the wait; others sign in as usual", async () => {
    const email = `sam-${kind}@accounts.test`;
    await createUserWithTeam({ name: "Sam", email, password: "sam's long password" });
    const attacker = `attacker-${kind}`;
    // Thirty guesses at once: only the free ones reach the password check.
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => signIn(email, `guess ${i}`, attacker)));
    const checked = results.filter((r) => r.status === "fulfilled").length;
    expect(checked).toBeGreaterThanOrEqual(FREE_FAILURES);
    expect(checked).toBeLessThanOrEqual(FREE_FAILURES + 1);
    expect(
      results.filter((r) => r.status === "rejected").every((r) => /TooManyAttempts:\d+/.test(String((r as PromiseRejectedResult).reason))),
    ).toBe(true);
    // The owner, from their own address, is not locked out.
    await expect(signIn(email, "sam's long password", "198.51.100.50")).resolves.toMatchObject({ email });

    // Once the wait is over the next failure waits twice as long.
    const key = `${email}|${attacker}`;
    const before = await t.db.signInThrottle.findUniqueOrThrow({ where: { key } });
    await t.db.signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1) } });
    const now = new Date();
    expect(await beginSignInAttempt(email, attacker, now)).toEqual({ allowed: true });
    const after = await t.db.signInThrottle.findUniqueOrThrow({ where: { key } });
    expect(after.failures).toBe(before.failures + 1);
    expect((after.blockedUntil!.getTime() - now.getTime()) / 1000).toBe(2 ** (after.failures - FREE_FAILURES));
    // The right password from the attacker's address is still refused while it waits.
    await expect(signIn(email, "sam's long password", attacker)).rejects.toThrow(/TooManyAttempts/);
  });

  test("sign-up is limited per client address, and a taken address is not confirmed as an account", async () => {
    const client = `signup-${kind}`;
    const taken = await post(
      signupRoute.POST,
      { name: "Dup", email: `vera-${kind}@accounts.test`, password: "another long password" },
      client,
    );
    expect(taken.status).toBe(422);
    const body = await taken.json();
    expect(body.fieldErrors.email[0]).toMatch(/cannot be used for a new account/);
    expect(JSON.stringify(body)).not.toMatch(/already exists/);
    for (let i = 0; i < 3; i++)
      expect(
        (
          await post(
            signupRoute.POST,
            { name: `N${i}`, email: `n${i}-${kind}@accounts.test`, password: "a long enough phrase here" },
            client,
          )
        ).status,
      ).toBe(201);
    const refused = await post(
      signupRoute.POST,
      { name: "N9", email: `n9-${kind}@accounts.test`, password: "a long enough phrase here" },
      client,
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await t.db.user.count({ where: { email: `n9-${kind}@accounts.test` } })).toBe(0);
    expect(
      (
        await post(
          signupRoute.POST,
          { name: "N9", email: `n9-${kind}@accounts.test`, password: "a long enough phrase here" },
          `elsewhere-${kind}`,
        )
      ).status,
    ).toBe(201);
  });

  test("an owner suspends a member's access to their team only: tokens there stop, other teams and the account are untouched", async () => {
    const a = await signUpVerified({ name: "Ann", email: `ann-${kind}@accounts.test`, password: "ann's long password" });
    const b = await signUpVerified({ name: "Bob", email: `bob-${kind}@accounts.test`, password: "bob's long password" });
    await acceptInvitation(
      b.user.id,
      (await createInvitation(a.user.id, a.team.slug, { email: `bob-${kind}@accounts.test`, role: "owner" })).token,
    );
    const token = (await createApiToken(b.user.id, a.team.slug, { name: "bob's script", access: "read" })).token;

    await expect(updateMember(a.user.id, a.team.slug, a.user.id, { disabled: true })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/leave the team instead/),
    });
    await expect(updateMember(a.user.id, a.team.slug, b.user.id, { disabled: "yes" })).rejects.toMatchObject({
      fieldErrors: { disabled: [expect.any(String)] },
    });
    await expect(updateMember(a.user.id, a.team.slug, b.user.id, {})).rejects.toMatchObject({ code: "validation" });
    await expect(updateMember(a.user.id, a.team.slug, b.user.id, { disabled: true })).resolves.toMatchObject({
      disabled: true,
      role: "owner",
    });

    await expect(getTeamForMember(b.user.id, a.team.slug)).rejects.toMatchObject({ code: "not_found" });
    expect((await listTeamsForUser(b.user.id)).map((x) => x.slug)).toEqual([b.team.slug]);
    await expect(getTeamForMember(b.user.id, b.team.slug)).resolves.toMatchObject({ role: "owner" });
    expect(await getActiveUser(b.user.id, 0)).not.toBeNull();
    await expect(runRequest(() => authenticateApiToken(token))).rejects.toMatchObject({ code: "unauthenticated" });
    // The suspended owner cannot act on the team, nor does a new invitation undo the suspension.
    await expect(updateMember(b.user.id, a.team.slug, a.user.id, { disabled: true })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      acceptInvitation(
        b.user.id,
        (await createInvitation(a.user.id, a.team.slug, { email: `bob-${kind}@accounts.test`, role: "viewer" })).token,
      ),
    ).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/suspended/) });
    // Ann is now the only owner with access: she cannot be demoted.
    await expect(updateMember(a.user.id, a.team.slug, a.user.id, { role: "viewer" })).rejects.toMatchObject({ code: "conflict" });

    await updateMember(a.user.id, a.team.slug, b.user.id, { disabled: false });
    await expect(getTeamForMember(b.user.id, a.team.slug)).resolves.toMatchObject({ role: "owner" });
    const actions = (
      await t.db.auditEvent.findMany({
        where: { team: { slug: a.team.slug }, action: { startsWith: "member." } },
        orderBy: { createdAt: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["member.suspended", "member.restored"]);
  });

  test("an identity provider joins an existing account only when it vouches for the address", async () => {
    const { user } = await createUserWithTeam({ name: "Olly", email: `olly-${kind}@accounts.test`, password: "olly's long password" });
    await expect(
      linkOAuthUser({
        provider: "oidc",
        providerAccountId: `x-${kind}`,
        email: `olly-${kind}@accounts.test`,
        name: "Impostor",
        emailVerified: false,
      }),
    ).resolves.toBe("unverified-email");
    expect(await t.db.oAuthAccount.count({ where: { userId: user.id } })).toBe(0);
    await expect(
      linkOAuthUser({
        provider: "oidc",
        providerAccountId: `y-${kind}`,
        email: `olly-${kind}@accounts.test`,
        name: "Olly",
        emailVerified: true,
      }),
    ).resolves.toMatchObject({ id: user.id });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });
});
