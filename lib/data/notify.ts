import "server-only";
// Telling teams what a new price catalog changed: after a re-pricing run finishes, one message per
// member who chose to hear about it (email) and one for the team's webhook, each listing the
// scenarios with a link to their "then vs now". Written once per run and recipient, then each
// delivered by its own job, retried with backoff until the mail server or webhook takes it.
import { createHmac } from "node:crypto";
import { getDb } from "../db";
import { env } from "../env";
import { isFlipped, isMarked } from "../catalog/reprice";
import { COMPARISON_SELECT } from "./catalog-marks";
import { sendEmailNow } from "../email/send";
import { formatUsd } from "../format/numbers";
import { OUTCOME_WORD } from "../results/text";
import { QUEUES } from "../jobs/queues";
import type { TxSender } from "../jobs/boss";

type Db = ReturnType<typeof getDb>;
const LISTED = 20; // scenarios named in one message; the rest are counted

export const SIGNATURE_HEADER = "X-Breakeven-Signature-256";
export const DELIVERY_HEADER = "X-Breakeven-Delivery";
const WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=<hex>` of the body under the team's secret, as the webhook's receiver recomputes it. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

type Moved = {
  scenarioId: string;
  name: string;
  url: string;
  flipped: boolean;
  outcomeThen: string;
  outcomeNow: string;
  monthlyThen: number | null;
  monthlyNow: number | null;
};

const word = (outcome: string) => OUTCOME_WORD[outcome as keyof typeof OUTCOME_WORD] ?? outcome;

const line = (m: Moved) =>
  `• ${m.name}: ${m.flipped ? `recommendation ${word(m.outcomeThen)} → ${word(m.outcomeNow)}; ` : ""}${formatUsd(m.monthlyThen)} → ${formatUsd(m.monthlyNow)} a month\n  Then vs now: ${m.url}`;

function message(team: { name: string }, label: string, all: Moved[], footer: string) {
  const moved = [...all.filter((m) => m.flipped), ...all.filter((m) => !m.flipped)]; // flips first
  const flips = moved.filter((m) => m.flipped).length;
  const subject = `[Breakeven] The price catalog "${label}" changes ${moved.length} decision${moved.length > 1 ? "s" : ""} of ${team.name}${flips ? ` (${flips} flipped)` : ""}`;
  const more = moved.length > LISTED ? `\n…and ${moved.length - LISTED} more: open the team's dashboard.` : "";
  const text = `The price catalog "${label}" was published, and saved scenarios of ${team.name} were re-priced with it:\n\n${moved.slice(0, LISTED).map(line).join("\n")}${more}\n\n${footer}`;
  return { subject, text };
}

type TeamOf = { id: string; slug: string; name: string; webhookUrl: string | null };
type NewNotification = Parameters<Db["notification"]["create"]>[0]["data"] & { id: string };

/** Per team, the scenarios whose re-pricing at the run's version passes the team's threshold. */
async function movedByTeam(db: Db, catalogVersionId: string, base: string) {
  const rows = await db.scenarioRepricing.findMany({
    where: { catalogVersionId, revision: { currentOf: { isNot: null } } },
    select: {
      ...COMPARISON_SELECT,
      scenario: {
        select: {
          id: true,
          name: true,
          team: {
            select: { id: true, slug: true, name: true, repriceThresholdPercent: true, repriceThresholdUsd: true, webhookUrl: true },
          },
        },
      },
    },
    orderBy: { scenario: { name: "asc" } },
  });
  const byTeam = new Map<string, { team: TeamOf; moved: Moved[] }>();
  for (const r of rows) {
    const team = r.scenario.team;
    const threshold = { percent: team.repriceThresholdPercent, usd: team.repriceThresholdUsd };
    if (!isMarked({ ...r, outcomeThen: r.outcomeThen as "api", outcomeNow: r.outcomeNow as "api" }, threshold)) continue;
    const entry = byTeam.get(team.id) ?? { team, moved: [] };
    entry.moved.push({
      scenarioId: r.scenario.id,
      name: r.scenario.name,
      url: `${base}/t/${team.slug}/s/${r.scenario.id}#then-vs-now`,
      flipped: isFlipped(r),
      outcomeThen: r.outcomeThen,
      outcomeNow: r.outcomeNow,
      monthlyThen: r.monthlyThen,
      monthlyNow: r.monthlyNow,
    });
    byTeam.set(team.id, entry);
  }
  return byTeam.values();
}

/** A team's messages: one email per member who asked for what moved, one for the webhook. */
async function teamMessages(db: Db, runId: string, label: string, team: TeamOf, moved: Moved[], base: string): Promise<NewNotification[]> {
  const settings = `${base}/t/${team.slug}/settings`;
  const out: NewNotification[] = [];
  const prefs = await db.notificationPreference.findMany({
    where: {
      teamId: team.id,
      OR: [{ flips: true }, { moves: true }],
      user: { memberships: { some: { teamId: team.id, disabledAt: null } } },
    },
    select: { flips: true, moves: true, user: { select: { id: true, email: true, emailVerifiedAt: true } } },
  });
  for (const p of prefs) {
    if (!p.user.emailVerifiedAt) continue; // mail goes to confirmed addresses only
    const wanted = moved.filter((m) => (m.flipped ? p.flips : p.moves));
    if (!wanted.length) continue;
    const { subject, text } = message(
      team,
      label,
      wanted,
      `You chose to hear about this team's decisions; change that in Team settings: ${settings}`,
    );
    out.push({
      id: crypto.randomUUID(),
      teamId: team.id,
      runId,
      channel: "email",
      recipient: p.user.id,
      address: p.user.email,
      subject,
      text,
    });
  }
  if (team.webhookUrl) {
    const { subject, text } = message(team, label, moved, `Webhook set by the owners in Team settings: ${settings}`);
    const payload = { event: "repricing", text, catalogVersion: label, team: team.slug, scenarios: moved };
    out.push({
      id: crypto.randomUUID(),
      teamId: team.id,
      runId,
      channel: "webhook",
      recipient: "webhook",
      address: team.webhookUrl,
      subject,
      text,
      payload,
    });
  }
  return out;
}

/**
 * Writes the run's messages (once: a run is marked notified in the same transaction) and sends
 * one delivery job for each. `send` writes jobs inside the transaction (transactionalSender).
 */
export async function notifyRun(runId: string, send: TxSender, db: Db = getDb()) {
  const run = await db.repricingRun.findUnique({ where: { id: runId }, include: { catalogVersion: { select: { label: true } } } });
  if (!run || run.status !== "done" || run.notifiedAt) return 0;
  const base = (env().NEXTAUTH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  const notifications: NewNotification[] = [];
  for (const { team, moved } of await movedByTeam(db, run.catalogVersionId, base))
    notifications.push(...(await teamMessages(db, runId, run.catalogVersion.label, team, moved, base)));
  await db.$transaction(async (tx) => {
    const claimed = await tx.repricingRun.updateMany({ where: { id: runId, notifiedAt: null }, data: { notifiedAt: new Date() } });
    if (claimed.count === 0) return; // another worker wrote them meanwhile
    for (const data of notifications) {
      await tx.notification.create({ data });
      await send(tx, QUEUES.deliver, { notificationId: data.id });
    }
  });
  return notifications.length;
}

/** Delivers one message; throws (so the queue retries) while the mail server or webhook refuses it. */
export async function deliverNotification(notificationId: string, db: Db = getDb()) {
  const n = await db.notification.findUnique({ where: { id: notificationId }, include: { team: { select: { webhookSecret: true } } } });
  if (!n || n.status !== "pending") return null;
  await db.notification.update({ where: { id: n.id }, data: { attempts: { increment: 1 } } });
  try {
    if (n.channel === "email") {
      await sendEmailNow({ to: n.address, subject: n.subject, text: n.text, messageId: `<${n.id}@breakeven.notifications>` });
    } else {
      const body = JSON.stringify(n.payload);
      const response = await fetch(n.address, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [SIGNATURE_HEADER]: signature(n.team.webhookSecret ?? "", body),
          [DELIVERY_HEADER]: n.id,
        },
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`The webhook answered ${response.status}.`);
    }
  } catch (error) {
    await db.notification.update({ where: { id: n.id }, data: { error: (error as Error).message.slice(0, 500) } });
    throw error;
  }
  await db.notification.updateMany({ where: { id: n.id, status: "pending" }, data: { status: "sent", sentAt: new Date(), error: null } });
  return n.id;
}

/** A message that failed on every attempt: the outbox page shows it failed, with the last error. */
export async function failNotification(notificationId: string, db: Db = getDb()) {
  await db.notification.updateMany({ where: { id: notificationId, status: "pending" }, data: { status: "failed" } });
}
