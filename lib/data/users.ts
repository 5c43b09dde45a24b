import "server-only";
import { getDb } from "../db";
import { hashPassword } from "../auth/password";
import { AppError } from "../errors";
import { SignUpSchema, type SignUpInput } from "../validation/auth";
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
