import type { TeamRole } from "../auth/roles";
import { ROLES } from "../auth/roles";
import { tokenScope } from "../auth/request-scope";

/** Prisma `where` fragment on Team: the user is a member with at least `minRole`. */
export function memberTeamWhere(userId: string, minRole: TeamRole = "viewer") {
  const allowed = ROLES.slice(ROLES.indexOf(minRole));
  const scope = tokenScope();
  // An API token reaches its own team only, whatever else its creator belongs to.
  return { ...(scope ? { id: scope.teamId } : {}), memberships: { some: { userId, role: { in: [...allowed] } } } };
}

/** Prisma `where` on Membership: the user's membership in the team with this slug (token scope applied). */
export function membershipWhere(userId: string, teamSlug: string) {
  const scope = tokenScope();
  return { userId, team: { slug: teamSlug, ...(scope ? { id: scope.teamId } : {}) } };
}
