import "server-only";
// The one way a data-layer function learns the caller's team and role: called inside the
// transaction that then acts, so a role change or removal between check and write cannot slip
// through, and before the body is parsed, so the answer never depends on what was sent.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { AppError } from "../errors";
import { membershipWhere } from "../data/scope";
import { authorize, type Action } from "./authorize";
import type { TeamRole } from "./roles";

type Db = PrismaClient | Prisma.TransactionClient;

export type TeamAccess = { teamId: string; role: TeamRole };

/** The caller's team id and role for `action`: 404 for a non-member (ids cannot be probed), 403 for too low a role. */
export async function requireTeamRole(
  db: Db,
  userId: string,
  teamSlug: string,
  action: Action,
  what = "Team not found",
): Promise<TeamAccess> {
  const m = await db.membership.findFirst({ where: membershipWhere(userId, teamSlug), select: { role: true, teamId: true } });
  if (!m) throw new AppError("not_found", what);
  authorize(m.role, action, what);
  return m;
}
