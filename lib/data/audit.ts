import "server-only";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { requireTeamRole } from "../auth/team-access";

type Tx = Prisma.TransactionClient;

/** Written in the same transaction as the change it records. */
export function recordAudit(tx: Tx, e: { teamId: string; actorId: string; action: string; target: string; data?: Prisma.InputJsonValue }) {
  return tx.auditEvent.create({ data: e });
}

/** The team's audit log, newest first; owners only. */
export async function listAuditEvents(userId: string, teamSlug: string, take = 200) {
  const { teamId } = await requireTeamRole(getDb(), userId, teamSlug, "audit:read");
  return getDb().auditEvent.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, target: true, data: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
}
