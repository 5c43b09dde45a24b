// The one authorization module: which team role each action needs, and who administers the
// instance's price catalog. Roles are ordered
// (viewer < editor < owner) and an unknown role meets nothing (lib/auth/roles.ts).
// Team scope is enforced inside each query (lib/data/scope.ts); this module decides the role.
import { AppError } from "../errors";
import { meetsRole, type TeamRole } from "./roles";
import { tokenScope } from "./request-scope";
import { adminEmails } from "../env";

export const ACTIONS = {
  "team:read": "viewer",
  "scenario:read": "viewer",
  "scenario:write": "editor",
  "comment:write": "viewer",
  // A member's own choice of which price changes they hear about.
  "notifications:choose": "viewer",
  "member:manage": "owner",
  "audit:read": "owner",
  "team:settings": "owner",
} as const satisfies Record<string, TeamRole>;

export type Action = keyof typeof ACTIONS;

/** Actions that change something: a read-only API token may do none of them. */
const WRITES: ReadonlySet<Action> = new Set(["scenario:write", "comment:write", "notifications:choose", "member:manage", "team:settings"]);

/** The role a request acts with: the member's, capped by an API token's role when there is one. */
export function effectiveRole(role: string | null | undefined): string | null | undefined {
  const scope = tokenScope();
  if (!role || !scope) return role;
  return meetsRole(role, scope.maxRole) ? scope.maxRole : role;
}

export function can(role: string | null | undefined, action: Action): boolean {
  if (tokenScope()?.maxRole === "viewer" && WRITES.has(action)) return false;
  return meetsRole(effectiveRole(role), ACTIONS[action]);
}

/**
 * Throws "not found" for a non-member (no role) so that ids cannot be probed, and "forbidden"
 * for a member whose role is too low.
 */
export function authorize(role: string | null | undefined, action: Action, what = "Not found"): void {
  if (!role) throw new AppError("not_found", what);
  if (!can(role, action)) {
    const scope = tokenScope();
    throw new AppError(
      "forbidden",
      scope
        ? `This API token can ${scope.maxRole === "viewer" ? "only read" : "read and write, not administer"}; this needs ${ACTIONS[action]}.`
        : `Your role (${role}) cannot do this; it needs ${ACTIONS[action]}.`,
    );
  }
}

/** What the instance's catalog-admin rule reads of an account. */
export type CatalogAdminFacts = { email: string; catalogAdmin: boolean; emailVerifiedAt: Date | null };

/**
 * The price catalog is the instance's, not a team's: its administrators are granted by the
 * operator (`npm run admin -- grant`) or named in ADMIN_EMAILS — an address that counts only once
 * its owner confirmed it. Team API tokens never administer it.
 */
export function canAdministerCatalog(user: CatalogAdminFacts | null): boolean {
  if (!user || tokenScope()) return false;
  return user.catalogAdmin || (user.emailVerifiedAt !== null && adminEmails().has(user.email.toLowerCase()));
}
