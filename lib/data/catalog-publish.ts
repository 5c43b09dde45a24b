import "server-only";
// Publishing a draft: its label and date become final, and every saved scenario is re-priced
// against it by the job queue (lib/jobs), whose first job is written in the publishing transaction.
import { getDb } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation/errors";
import { PublishSchema } from "../validation/catalog";
import { dayStart } from "../format/dates";
import { requireCatalogAdmin, requireDraft, type Tx } from "./catalog";
import { transactionalSender, type TxSender } from "../jobs/boss";
import { QUEUES } from "../jobs/queues";

/** Publishes a draft (label and effective date final) and starts re-pricing every scenario. */
export async function publishVersion(userId: string, versionId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const data = parseInput(PublishSchema, raw);
  const db = getDb();
  const send = await transactionalSender();
  const runId = await db.$transaction((tx) => publishIn(tx, versionId, data, send));
  return { runId };
}

/**
 * Publishes a draft inside the caller's transaction and writes its re-pricing run and job there
 * too; `send` comes from transactionalSender(), obtained before the transaction opened.
 */
export async function publishIn(
  tx: Tx,
  versionId: string,
  data: { label: string; effectiveDate: string; sourceNote?: string },
  send: TxSender,
) {
  await requireDraft(tx, versionId);
  const taken = await tx.catalogVersion.findFirst({ where: { label: data.label, NOT: { id: versionId } }, select: { id: true } });
  if (taken) throw new AppError("validation", "Please correct the highlighted fields.", { label: [`"${data.label}" is already taken`] });
  const done = await tx.catalogVersion.updateMany({
    where: { id: versionId, published: false },
    data: {
      published: true,
      publishedAt: new Date(),
      label: data.label,
      effectiveDate: dayStart(data.effectiveDate),
      ...(data.sourceNote !== undefined ? { sourceNote: data.sourceNote } : {}),
    },
  });
  if (done.count !== 1) throw new AppError("conflict", "This version was published meanwhile.");
  const run = await tx.repricingRun.create({ data: { catalogVersionId: versionId } });
  await send(tx, QUEUES.repricingPlan, { runId: run.id });
  return run.id;
}

export async function getRepricingRun(userId: string, runId: string) {
  await requireCatalogAdmin(userId);
  const run = await getDb().repricingRun.findUnique({ where: { id: runId } });
  if (!run) throw new AppError("not_found", "Re-pricing run not found");
  return run;
}
