// Comments on a scenario: any member may write one (viewers too); each is audited.
import "server-only";
import { getDb } from "../db";
import { parseInput } from "../validation/errors";
import { CommentSchema } from "../validation/scenario";
import { recordAudit } from "./audit";
import { requireScenarioRole } from "./scenarios";

export async function addComment(userId: string, scenarioId: string, raw: unknown) {
  await requireScenarioRole(getDb(), userId, scenarioId, "comment:write");
  const data = parseInput(CommentSchema, raw);
  return getDb().$transaction(async (tx) => {
    const current = await requireScenarioRole(tx, userId, scenarioId, "comment:write");
    const comment = await tx.comment.create({
      data: { scenarioId, authorId: userId, body: data.body },
      select: { id: true, body: true, createdAt: true },
    });
    await recordAudit(tx, { teamId: current.teamId, actorId: userId, action: "comment.added", target: `scenario:${scenarioId}` });
    return comment;
  });
}

export async function listComments(userId: string, scenarioId: string) {
  await requireScenarioRole(getDb(), userId, scenarioId, "scenario:read");
  return getDb().comment.findMany({
    where: { scenarioId },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
}
