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
