// A scenario as it was at a revision, for comparisons, diffs and memos; the tenant scope is in
// each query, so another team's id reads as "not found".
import "server-only";
import { getDb } from "../db";
import { memberTeamWhere } from "./scope";

/**
 * A scenario at its current revision or a named one, for comparison and diffs; null when the
 * scenario or revision does not exist in a team the user belongs to.
 */
export async function getScenarioAtRevision(userId: string, teamSlug: string, scenarioId: string, number?: number) {
  const scenario = await getDb().scenario.findFirst({
    where: { id: scenarioId, team: { slug: teamSlug, ...memberTeamWhere(userId) } },
    select: { id: true, name: true, status: true, currentRevision: { select: { number: true } } },
  });
  if (!scenario) return null;
  const revision = await getDb().scenarioRevision.findUnique({
    where: { scenarioId_number: { scenarioId, number: number ?? scenario.currentRevision?.number ?? 0 } },
    select: { number: true, input: true, message: true, createdAt: true, catalogVersion: { select: { label: true } } },
  });
  return revision ? { ...scenario, revision } : null;
}

/**
 * What a decision memo of one scenario needs: the revision (current or numbered), its team, the
 * catalog version it was priced with and everyone who authored a revision up to it. Null when
 * the scenario or revision does not exist in a team the user belongs to (and, when teamSlug is
 * given, in that team).
 */
export async function getScenarioForMemo(userId: string, scenarioId: string, opts: { teamSlug?: string; revision?: number } = {}) {
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
