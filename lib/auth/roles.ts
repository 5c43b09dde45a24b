// Ordered team roles. Unknown roles fail closed (weight 0 meets nothing).
export const ROLES = ["viewer", "editor", "owner"] as const;
export type TeamRole = (typeof ROLES)[number];

const WEIGHT: Record<TeamRole, number> = { viewer: 1, editor: 2, owner: 3 };

export function meetsRole(actual: string | null | undefined, required: TeamRole): boolean {
  const weight = actual && actual in WEIGHT ? WEIGHT[actual as TeamRole] : 0;
  return weight >= WEIGHT[required];
}
