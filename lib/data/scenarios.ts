import "server-only";
import { getDb } from "../db";
import { memberTeamWhere } from "./scope";

export type ScenarioListItem = Awaited<ReturnType<typeof listScenarios>>[number];

/** Scenarios of a team the user belongs to; tenant scope is part of the query itself. */
export async function listScenarios(userId: string, teamSlug: string) {
  const rows = await getDb().scenario.findMany({
    where: { team: { slug: teamSlug, ...memberTeamWhere(userId) } },
    orderBy: [{ updatedAt: "desc" }],
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      updatedAt: true,
      currentRevision: {
        select: { number: true, summary: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  return rows;
}

/** One scenario with its current revision, only for a member of its team (else null → 404). */
export async function getScenario(userId: string, teamSlug: string, scenarioId: string) {
  return getDb().scenario.findFirst({
    where: { id: scenarioId, team: { slug: teamSlug, ...memberTeamWhere(userId) } },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      version: true,
      updatedAt: true,
      currentRevision: {
        select: {
          id: true,
          number: true,
          input: true,
          summary: true,
          message: true,
          createdAt: true,
          author: { select: { name: true } },
          catalogVersion: { select: { label: true, effectiveDate: true } },
        },
      },
    },
  });
}
