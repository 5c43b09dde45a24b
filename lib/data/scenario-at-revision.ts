// A scenario as it was at a revision, for comparisons, diffs and memos; the tenant scope is in
// each query, so another team's id reads as "not found".
import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { requireComparable } from "../validation/memo";
import { memberTeamWhere } from "./scope";

/**
 * A scenario at its current revision or a numbered one: the revision, its team, the catalog
 * version it was priced with and everyone who authored a revision up to it. Null when the
 * scenario or revision does not exist in a team the user belongs to (and, when teamSlug is
 * given, in that team).
 */
export async function getScenarioAtRevision(userId: string, scenarioId: string, opts: { teamSlug?: string; revision?: number } = {}) {
  const scenario = await getDb().scenario.findFirst({
    where: { id: scenarioId, team: { ...(opts.teamSlug ? { slug: opts.teamSlug } : {}), ...memberTeamWhere(userId) } },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      team: { select: { name: true, slug: true } },
      currentRevision: { select: { number: true } },
    },
  });
  if (!scenario) return null;
  const number = opts.revision ?? scenario.currentRevision?.number ?? 0;
  const revision = await getDb().scenarioRevision.findUnique({
    where: { scenarioId_number: { scenarioId, number } },
    select: {
      number: true,
      input: true,
      message: true,
      createdAt: true,
      author: { select: { name: true } },
      catalogVersion: { select: { label: true, effectiveDate: true } },
    },
  });
  if (!revision) return null;
  const authored = await getDb().scenarioRevision.findMany({
    where: { scenarioId, number: { lte: number }, authorId: { not: null } },
    orderBy: { number: "asc" },
    select: { author: { select: { name: true } } },
  });
  const authors = [...new Set(authored.flatMap((r) => (r.author ? [r.author.name] : [])))];
  return { ...scenario, revision, authors };
}

export type ScenarioAtRevision = NonNullable<Awaited<ReturnType<typeof getScenarioAtRevision>>>;

/**
 * The scenarios a comparison names (`?s=id,id@3`), each at its revision: 422 for fewer than 2
 * or more than 6, 404 when one is not in the team. The API and the comparison memo load it so.
 */
export async function loadSelection(
  userId: string,
  teamSlug: string,
  selection: { id: string; revision?: number }[],
): Promise<ScenarioAtRevision[]> {
  const found = await Promise.all(
    requireComparable(selection).map((s) => getScenarioAtRevision(userId, s.id, { teamSlug, revision: s.revision })),
  );
  if (found.some((f) => !f)) throw new AppError("not_found", "One of the scenarios was not found in this team");
  return found as ScenarioAtRevision[];
}
