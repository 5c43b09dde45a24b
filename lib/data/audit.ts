import "server-only";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { requireTeamRole } from "../auth/team-access";

type Tx = Prisma.TransactionClient;

/** Written in the same transaction as the change it records. */
export function recordAudit(tx: Tx, e: { teamId: string; actorId: string; action: string; target: string; data?: Prisma.InputJsonValue }) {
  return tx.auditEvent.create({ data: e });
}

/** The team's audit log, newest first; owners only. Each target is named (a person, scenario, token…) rather than shown as an id. */
export async function listAuditEvents(userId: string, teamSlug: string, take = 200) {
  const { teamId } = await requireTeamRole(getDb(), userId, teamSlug, "audit:read");
  const events = await getDb().auditEvent.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, target: true, data: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const labels = await targetLabels(
    teamId,
    events.map((e) => e.target),
  );
  return events.map((e) => ({ ...e, targetLabel: labels.get(e.target) ?? e.target }));
}

/** "kind:id" targets → names, looked up within this team only (ids of other teams stay ids). */
async function targetLabels(teamId: string, targets: string[]): Promise<Map<string, string>> {
  const ids = (kind: string) => [...new Set(targets.filter((t) => t.startsWith(`${kind}:`)).map((t) => t.slice(kind.length + 1)))];
  const db = getDb();
  const [users, scenarios, tokens, invitations, teams, imports] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, name: true, email: true } }),
    db.scenario.findMany({ where: { teamId, id: { in: ids("scenario") } }, select: { id: true, name: true } }),
    db.apiToken.findMany({ where: { teamId, id: { in: ids("token") } }, select: { id: true, name: true } }),
    db.invitation.findMany({ where: { teamId, id: { in: ids("invitation") } }, select: { id: true, email: true } }),
    db.team.findMany({ where: { id: teamId }, select: { id: true, name: true } }),
    db.usageImport.findMany({ where: { teamId, id: { in: ids("usage-import") } }, select: { id: true, fileName: true } }),
  ]);
  return new Map([
    ...users.map((u) => [`user:${u.id}`, `${u.name} (${u.email})`] as const),
    ...scenarios.map((x) => [`scenario:${x.id}`, `scenario “${x.name}”`] as const),
    ...tokens.map((x) => [`token:${x.id}`, `API token “${x.name}”`] as const),
    ...invitations.map((x) => [`invitation:${x.id}`, `invitation for ${x.email}`] as const),
    ...teams.map((x) => [`team:${x.id}`, `team “${x.name}”`] as const),
    ...imports.map((x) => [`usage-import:${x.id}`, `usage import of ${x.fileName}`] as const),
  ]);
}
