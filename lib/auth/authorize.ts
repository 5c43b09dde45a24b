// The one authorization module: which team role each action needs. Roles are ordered
// (viewer < editor < owner) and an unknown role meets nothing (lib/auth/roles.ts).
// Team scope is enforced inside each query (lib/data/scope.ts); this module decides the role.
import { AppError } from "../errors";
import { meetsRole, type TeamRole } from "./roles";

export const ACTIONS = {
  "team:read": "viewer",
  "scenario:read": "viewer",
  "scenario:write": "editor",
  "comment:write": "viewer",
  "member:manage": "owner",
  "audit:read": "owner",
  "team:settings": "owner",
} as const satisfies Record<string, TeamRole>;

export type Action = keyof typeof ACTIONS;

export function can(role: string | null | undefined, action: Action): boolean {
  return meetsRole(role, ACTIONS[action]);
}

/**
 * Throws "not found" for a non-member (no role) so that ids cannot be probed, and "forbidden"
 * for a member whose role is too low.
 */
export function authorize(role: string | null | undefined, action: Action, what = "Not found"): void {
  if (!role) throw new AppError("not_found", what);
  if (!can(role, action)) throw new AppError("forbidden", `Your role (${role}) cannot do this; it needs ${ACTIONS[action]}.`);
}
