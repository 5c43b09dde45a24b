import "server-only";
import { getDb } from "../db";
import { hashPassword, verifyPassword } from "../auth/password";
import { assertStrongPassword } from "../auth/password-strength";
import { AppError } from "../errors";
import { ChangePasswordSchema, SignOutEverywhereSchema, SignUpSchema, type SignUpInput } from "../validation/auth";
import { parseInput } from "../validation/errors";
import { uniqueTeamSlug } from "./teams";

const publicUser = { id: true, email: true, name: true, disabled: true, sessionVersion: true, createdAt: true } as const;

export async function getUserForSignIn(email: string) {
  return getDb().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...publicUser, passwordHash: true },
  });
}

export async function getActiveUser(id: string, sessionVersion: number) {
  const user = await getDb().user.findUnique({ where: { id }, select: publicUser });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return user;
}

/**
 * Creates the user and a personal team with the user as owner, in one transaction.
 * Invalid input or a taken email changes nothing.
 */
export async function createUserWithTeam(raw: unknown) {
  const input: SignUpInput = parseInput(SignUpSchema, raw);
  assertStrongPassword(input.password, "password", [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) throw new AppError("validation", "Please correct the highlighted fields.", { email: ["An account with this email already exists."] });
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash }, select: publicUser });
      const team = await tx.team.create({
        data: {
          name: `${input.name}'s team`,
          slug: await uniqueTeamSlug(tx, input.name),
          memberships: { create: { userId: user.id, role: "owner" } },
        },
      });
      await tx.auditEvent.create({ data: { teamId: team.id, actorId: user.id, action: "user.signed_up", target: `user:${user.id}` } });
      return { user, team };
    });
  } catch (error) {
    // Two sign-ups racing for the same email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("validation", "Please correct the highlighted fields.", { email: ["An account with this email already exists."] });
    }
    throw error;
  }
}

/** Finds or creates the user behind an OAuth/OIDC identity; null when that user is disabled. */
export async function linkOAuthUser(input: { provider: string; providerAccountId: string; email: string; name: string }) {
  const email = input.email.trim().toLowerCase();
  return getDb().$transaction(async (tx) => {
    const account = await tx.oAuthAccount.findUnique({
      where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
      select: { user: { select: publicUser } },
    });
    let user = account?.user ?? (await tx.user.findUnique({ where: { email }, select: publicUser }));
    if (!user) {
      user = await tx.user.create({ data: { email, name: input.name }, select: publicUser });
      await tx.team.create({
        data: {
          name: `${input.name}'s team`,
          slug: await uniqueTeamSlug(tx, input.name),
          memberships: { create: { userId: user.id, role: "owner" } },
        },
      });
    }
    if (!account) {
      await tx.oAuthAccount.create({ data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId } });
    }
    return user.disabled ? null : user;
  });
}

/** Ends every session of the user at once: signed tokens carry the version they were issued with. */
export async function endAllSessions(userId: string): Promise<void> {
  await getDb().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** "Sign out everywhere": the person confirms in words, so a stray request cannot do it. */
export async function signOutEverywhere(userId: string, raw: unknown): Promise<void> {
  parseInput(SignOutEverywhereSchema, raw);
  await endAllSessions(userId);
}

/** A new password needs the current one; every session ends with the change (sign in again). */
export async function changePassword(userId: string, raw: unknown): Promise<void> {
  const input = parseInput(ChangePasswordSchema, raw);
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation", "Please correct the highlighted fields.", { currentPassword: ["This is not your current password."] });
  }
  assertStrongPassword(input.newPassword, "newPassword", [user.email, user.name]);
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

/** Whether the account signs in with a password (accounts made through GitHub or OIDC may not). */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
