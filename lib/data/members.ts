import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { requireTeamRole } from "../auth/team-access";
import { tokenScope } from "../auth/request-scope";
import { AppError } from "../errors";
import { parseInput } from "../validation/errors";
import { CreateTeamSchema, InviteSchema, UpdateMemberSchema } from "../validation/team";
import { recordAudit } from "./audit";
import { uniqueTeamSlug } from "./teams";
import { appUrl } from "../env";
import { sendEmailLater } from "../email/send";

type Tx = Prisma.TransactionClient;
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createTeam(userId: string, raw: unknown) {
  const { name } = parseInput(CreateTeamSchema, raw);
  return getDb().$transaction(async (tx) => {
    const team = await tx.team.create({
      data: { name, slug: await uniqueTeamSlug(tx, name), memberships: { create: { userId, role: "owner" } } },
    });
    await recordAudit(tx, { teamId: team.id, actorId: userId, action: "team.created", target: `team:${team.id}` });
    return { id: team.id, slug: team.slug, name: team.name };
  });
}

export async function listMembers(userId: string, teamSlug: string) {
  const { teamId } = await requireTeamRole(getDb(), userId, teamSlug, "team:read");
  return getDb().membership.findMany({
    where: { teamId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, disabledAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

/** What an owner sees of an invitation (never its token hash). */
const INVITATION_FIELDS = {
  id: true,
  email: true,
  role: true,
  anyoneWithLink: true,
  expiresAt: true,
  invitedBy: { select: { name: true } },
} as const;

/** Returns the one-time token; only its hash is stored. */
export async function createInvitation(userId: string, teamSlug: string, raw: unknown, now = new Date()) {
  const { data, invitation } = await getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "member:manage");
    const data = parseInput(InviteSchema, raw);
    const token = randomBytes(24).toString("base64url");
    const invitation = await tx.invitation.create({
      data: {
        teamId,
        email: data.email,
        role: data.role,
        anyoneWithLink: data.anyoneWithLink,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        invitedById: userId,
      },
      select: { ...INVITATION_FIELDS, team: { select: { name: true } } },
    });
    await recordAudit(tx, {
      teamId,
      actorId: userId,
      action: "invitation.created",
      target: `invitation:${invitation.id}`,
      data: { email: data.email, role: data.role },
    });
    return { data, invitation: { ...invitation, token } };
  });
  const { team, invitedBy, token, ...rest } = invitation;
  const inviter = invitedBy?.name ?? "A team owner";
  sendEmailLater({
    to: data.email,
    subject: `${inviter} invited you to ${team.name} on Breakeven`,
    text: `${inviter} invited you to join the team "${team.name}" on Breakeven as ${data.role}. To accept, open:\n\n${invitationUrl(token)}\n\nThe link works once, until ${rest.expiresAt.toUTCString()}.${data.anyoneWithLink ? "" : ` It is for the account of ${data.email}: sign up or sign in with this address.`}`,
  });
  return { ...rest, token, url: invitationUrl(token) };
}

const invitationUrl = (token: string) => `${appUrl()}/invite/${token}`;

/** What an invitation link offers, for the page that opens it (the signed-in user's view). */
export async function getInvitation(userId: string, token: string, now = new Date()) {
  const inv = await getDb().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      anyoneWithLink: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      team: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!inv) return null;
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  const bound = !inv.anyoneWithLink;
  const state = inv.revokedAt
    ? "revoked"
    : inv.acceptedAt
      ? "used"
      : inv.expiresAt <= now
        ? "expired"
        : bound && user?.email !== inv.email
          ? "other-email"
          : bound && !user?.emailVerifiedAt
            ? "unverified"
            : "open";
  return { team: inv.team.name, inviter: inv.invitedBy?.name ?? "A team owner", role: inv.role, email: inv.email, state } as const;
}

/**
 * Accepts an invitation link: single use, not expired, not revoked, and — unless the owner chose
 * "anyone with the link" — only by the account of the invited email, once that account has
 * confirmed the address (anyone can sign up with an address they do not own). The user joins
 * with its role.
 */
export async function acceptInvitation(userId: string, token: string, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: {
        id: true,
        teamId: true,
        role: true,
        email: true,
        anyoneWithLink: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        team: { select: { slug: true } },
      },
    });
    if (!inv) throw new AppError("not_found", "This invitation link is not valid.");
    if (inv.revokedAt) throw new AppError("conflict", "This invitation was withdrawn. Ask for a new link.");
    if (inv.acceptedAt) throw new AppError("conflict", "This invitation has already been used.");
    if (inv.expiresAt <= now) throw new AppError("conflict", "This invitation has expired. Ask for a new link.");
    if (!inv.anyoneWithLink) {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
      if (user?.email !== inv.email)
        throw new AppError("forbidden", `This invitation is for ${inv.email}. Sign in with that address to accept it.`);
      if (!user.emailVerifiedAt)
        throw new AppError("forbidden", `Confirm that ${inv.email} is your address first: open the link we emailed you, then accept.`);
    }
    // Single use even under a race: only one transaction flips acceptedAt from null.
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (claimed.count === 0) throw new AppError("conflict", "This invitation has already been used.");
    const existing = await tx.membership.findUnique({ where: { userId_teamId: { userId, teamId: inv.teamId } } });
    // A new link does not undo an owner's suspension.
    if (existing?.disabledAt)
      throw new AppError("forbidden", "Your access to this team is suspended. Ask one of its owners to restore it.");
    if (!existing) await tx.membership.create({ data: { userId, teamId: inv.teamId, role: inv.role } });
    await recordAudit(tx, { teamId: inv.teamId, actorId: userId, action: "invitation.accepted", target: `invitation:${inv.id}` });
    return { teamSlug: inv.team.slug, role: existing?.role ?? inv.role };
  });
}

/** Owners whose access is not suspended: a team always keeps at least one. */
async function ownerCount(tx: Tx, teamId: string) {
  return tx.membership.count({ where: { teamId, role: "owner", disabledAt: null } });
}

/**
 * Owners change a member's role, or suspend and restore their access to this team. Suspension
 * is a team's decision about its own data: the person's account and their other teams are
 * untouched, and their API tokens for this team are revoked.
 */
export async function updateMember(userId: string, teamSlug: string, memberUserId: string, raw: unknown, now = new Date()) {
  if (tokenScope()) throw new AppError("forbidden", "API tokens cannot change members; sign in to manage members.");
  return getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "member:manage");
    const change = parseInput(UpdateMemberSchema, raw);
    const target = await tx.membership.findUnique({ where: { userId_teamId: { userId: memberUserId, teamId } } });
    if (!target) throw new AppError("not_found", "Member not found");
    if (change.disabled && memberUserId === userId) throw new AppError("conflict", "You cannot suspend yourself; leave the team instead.");
    const role = change.role ?? target.role;
    const disabled = change.disabled ?? target.disabledAt !== null;
    const losesOwner = target.role === "owner" && target.disabledAt === null && (role !== "owner" || disabled);
    if (losesOwner && (await ownerCount(tx, teamId)) <= 1) {
      throw new AppError("conflict", "A team needs at least one owner with access: make someone else owner first.");
    }
    await tx.membership.update({ where: { id: target.id }, data: { role, disabledAt: disabled ? (target.disabledAt ?? now) : null } });
    if (role !== target.role) {
      await recordAudit(tx, {
        teamId,
        actorId: userId,
        action: "member.role_changed",
        target: `user:${memberUserId}`,
        data: { from: target.role, to: role },
      });
    }
    if (disabled !== (target.disabledAt !== null)) {
      if (disabled)
        await tx.apiToken.updateMany({ where: { teamId, createdById: memberUserId, revokedAt: null }, data: { revokedAt: now } });
      await recordAudit(tx, {
        teamId,
        actorId: userId,
        action: disabled ? "member.suspended" : "member.restored",
        target: `user:${memberUserId}`,
      });
    }
    return { userId: memberUserId, role, disabled };
  });
}

export async function removeMember(userId: string, teamSlug: string, memberUserId: string) {
  return getDb().$transaction(async (tx) => {
    // Membership is a person's decision or an owner's, never a script's: API tokens may not
    // remove anyone, their creator included.
    if (tokenScope()) throw new AppError("forbidden", "API tokens cannot remove team members; sign in to leave or remove someone.");
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, memberUserId === userId ? "team:read" : "member:manage");
    const target = await tx.membership.findUnique({ where: { userId_teamId: { userId: memberUserId, teamId } } });
    if (!target) throw new AppError("not_found", "Member not found");
    if (target.role === "owner" && (await ownerCount(tx, teamId)) <= 1) {
      throw new AppError("conflict", "The last owner cannot leave or be removed: make someone else owner first.");
    }
    await tx.membership.delete({ where: { id: target.id } });
    // Their tokens for this team go with them (an invitation later does not bring them back).
    await tx.apiToken.updateMany({ where: { teamId, createdById: memberUserId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      teamId,
      actorId: userId,
      action: memberUserId === userId ? "member.left" : "member.removed",
      target: `user:${memberUserId}`,
    });
  });
}

export const leaveTeam = (userId: string, teamSlug: string) => removeMember(userId, teamSlug, userId);

/** Owners: the team's invitations that can still be accepted. */
export async function listInvitations(userId: string, teamSlug: string, now = new Date()) {
  const { teamId } = await requireTeamRole(getDb(), userId, teamSlug, "member:manage");
  return getDb().invitation.findMany({
    where: { teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { ...INVITATION_FIELDS, createdAt: true },
  });
}

/** Owners withdraw a pending invitation; its link stops working at once. */
export async function revokeInvitation(userId: string, teamSlug: string, invitationId: string, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "member:manage");
    const done = await tx.invitation.updateMany({
      where: { id: invitationId, teamId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (done.count === 0) throw new AppError("not_found", "Invitation not found, or no longer pending");
    await recordAudit(tx, { teamId, actorId: userId, action: "invitation.revoked", target: `invitation:${invitationId}` });
  });
}
