import type { TeamRole } from "../auth/roles";
import { ROLES } from "../auth/roles";
import { tokenScope } from "../auth/request-scope";

/** Prisma `where` fragment on Team: the user is an active member with at least `minRole`. */
export function memberTeamWhere(userId: string, minRole: TeamRole = "viewer") {
  const allowed = ROLES.slice(ROLES.indexOf(minRole));
  const scope = tokenScope();
  // An API token reaches its own team only, whatever else its creator belongs to.
  return { ...(scope ? { id: scope.teamId } : {}), memberships: { some: { userId, disabledAt: null, role: { in: [...allowed] } } } };
}

/**
 * Prisma `where` on Membership: the user's membership in the team with this slug (token scope
 * applied). A membership an owner suspended counts as none: the team answers "not found".
 */
export function membershipWhere(userId: string, teamSlug: string) {
  const scope = tokenScope();
  return { userId, disabledAt: null, team: { slug: teamSlug, ...(scope ? { id: scope.teamId } : {}) } };
}
