import "server-only";
import { membershipWhere } from "./scope";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { notFound } from "../errors";

type Tx = Prisma.TransactionClient;

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "-")
      .slice(0, 40) || "team"
  );
}

export async function uniqueTeamSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.team.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** The teams a user belongs to, with the user's role in each, oldest membership first. */
export async function listTeamsForUser(userId: string) {
  const memberships = await getDb().membership.findMany({
    where: { userId, disabledAt: null },
    orderBy: { createdAt: "asc" },
    select: { role: true, team: { select: { id: true, name: true, slug: true } } },
  });
  return memberships.map((m) => ({ ...m.team, role: m.role }));
}

/** A team by slug, only if the user is a member: outsiders get "not found", never "forbidden". */
export async function getTeamForMember(userId: string, slug: string) {
  const membership = await getDb().membership.findFirst({
    where: membershipWhere(userId, slug),
    select: { role: true, team: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) throw notFound("Team not found");
  return { ...membership.team, role: membership.role };
}
