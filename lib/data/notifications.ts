import "server-only";
// Who hears about price changes: each member's choice per team (flipped recommendations, cost
// moves beyond the threshold), the owners' webhook and its signing secret, and the team's outbox
// of messages written, for owners to read whether or not email is configured.
import { randomBytes } from "node:crypto";
import { getDb } from "../db";
import { parseInput } from "../validation/errors";
import { NotificationPrefsSchema, WebhookSchema } from "../validation/team";
import { requireTeamRole } from "../auth/team-access";
import { recordAudit } from "./audit";

const OUTBOX_SHOWN = 50;

export async function getMyNotificationPrefs(userId: string, teamSlug: string) {
  const db = getDb();
  const { teamId } = await requireTeamRole(db, userId, teamSlug, "team:read");
  const prefs = await db.notificationPreference.findUnique({ where: { userId_teamId: { userId, teamId } } });
  return { flips: prefs?.flips ?? false, moves: prefs?.moves ?? false };
}

export async function setMyNotificationPrefs(userId: string, teamSlug: string, raw: unknown) {
  return getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "notifications:choose");
    const data = parseInput(NotificationPrefsSchema, raw);
    await tx.notificationPreference.upsert({
      where: { userId_teamId: { userId, teamId } },
      create: { userId, teamId, ...data },
      update: data,
    });
    return data;
  });
}

/** The team's webhook as owners see it; the secret is shown so that receivers can check signatures. */
export async function getWebhook(userId: string, teamSlug: string) {
  const db = getDb();
  const { teamId } = await requireTeamRole(db, userId, teamSlug, "team:settings");
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { webhookUrl: true, webhookSecret: true } });
  return { url: team.webhookUrl, secret: team.webhookSecret };
}

export async function setWebhook(userId: string, teamSlug: string, raw: unknown) {
  return getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "team:settings");
    const data = parseInput(WebhookSchema, raw);
    const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { webhookSecret: true } });
    const secret =
      data.url === null ? null : data.rotateSecret || !team.webhookSecret ? randomBytes(24).toString("base64url") : team.webhookSecret;
    await tx.team.update({ where: { id: teamId }, data: { webhookUrl: data.url, webhookSecret: secret } });
    await recordAudit(tx, {
      teamId,
      actorId: userId,
      action: "team.webhook",
      target: `team:${teamId}`,
      data: { url: data.url, secretRotated: secret !== team.webhookSecret },
    });
    return { url: data.url, secret };
  });
}

/** The newest messages written for the team (owners): what was sent, to whom, and what failed. */
export async function listOutbox(userId: string, teamSlug: string) {
  const db = getDb();
  const { teamId } = await requireTeamRole(db, userId, teamSlug, "team:settings");
  const rows = await db.notification.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    take: OUTBOX_SHOWN,
    select: {
      id: true,
      channel: true,
      address: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      error: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return rows;
}
