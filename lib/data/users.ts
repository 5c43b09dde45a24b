import "server-only";
import { getDb } from "../db";
import { hashPassword, verifyPassword } from "../auth/password";
import { assertStrongPassword } from "../auth/password-strength";
import { AppError } from "../errors";
import { ChangePasswordSchema, SignOutEverywhereSchema, SignUpSchema, type SignUpInput } from "../validation/auth";
import { parseInput } from "../validation/errors";
import { uniqueTeamSlug } from "./teams";

const publicUser = {
  id: true,
  email: true,
  name: true,
  disabled: true,
  sessionVersion: true,
  emailVerifiedAt: true,
  createdAt: true,
} as const;

type LinkResult = { id: string; sessionVersion: number } | "disabled" | "unverified-email";

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

/** Worded so that it does not confirm an account, and points its owner to the way back in. */
const addressUnavailable = () =>
  new AppError("validation", "Please correct the highlighted fields.", {
    email: ["This address cannot be used for a new account. If it is yours, sign in or reset your password."],
  });

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
      if (taken) throw addressUnavailable();
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
    if ((error as { code?: string }).code === "P2002") throw addressUnavailable();
    throw error;
  }
}

/**
 * Finds or creates the user behind an OAuth/OIDC identity; null when that user is disabled.
 * An identity joins an existing account by email only when the provider vouches for the address
 * (otherwise anyone could claim someone's account by naming their email at a provider); the
 * address then counts as verified.
 */
export async function linkOAuthUser(input: {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
  emailVerified: boolean;
}): Promise<LinkResult> {
  const email = input.email.trim().toLowerCase();
  return getDb().$transaction(async (tx) => {
    const account = await tx.oAuthAccount.findUnique({
      where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
      select: { user: { select: publicUser } },
    });
    let user = account?.user ?? (await tx.user.findUnique({ where: { email }, select: publicUser }));
    if (user && !account && !input.emailVerified) return "unverified-email";
    if (!user) {
      user = await tx.user.create({
        data: { email, name: input.name, emailVerifiedAt: input.emailVerified ? new Date() : null },
        select: publicUser,
      });
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
    if (input.emailVerified)
      await tx.user.updateMany({ where: { id: user.id, email, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    return user.disabled ? "disabled" : user;
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
