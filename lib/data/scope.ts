import type { TeamRole } from "../auth/roles";
import { ROLES } from "../auth/roles";

/** Prisma `where` fragment on Team: the user is a member with at least `minRole`. */
export function memberTeamWhere(userId: string, minRole: TeamRole = "viewer") {
  const allowed = ROLES.slice(ROLES.indexOf(minRole));
  return { memberships: { some: { userId, role: { in: [...allowed] } } } };
}
