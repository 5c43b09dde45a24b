// Revisions are append-only; this is the one place a scenario gains one. No "server-only" here:
// the seed script (run outside Next) writes the demo scenarios' first revisions through it too.
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Adds the next revision and makes it the current one: the one way a scenario gains a revision. */
export async function appendRevision(
  tx: Tx,
  scenarioId: string,
  r: { input: Prisma.InputJsonValue; summary: Prisma.InputJsonValue; catalogVersionId: string | null; authorId: string; message: string },
): Promise<{ number: number; version: number }> {
  const last = await tx.scenarioRevision.findFirst({ where: { scenarioId }, orderBy: { number: "desc" }, select: { number: true } });
  const revision = await tx.scenarioRevision.create({ data: { scenarioId, number: (last?.number ?? 0) + 1, ...r } });
  const { version } = await tx.scenario.update({
    where: { id: scenarioId },
    data: { currentRevisionId: revision.id },
    select: { version: true },
  });
  return { number: revision.number, version };
}
