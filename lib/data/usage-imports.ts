import "server-only";
// Usage imports: a team's usage export becomes aggregates (never its rows), and the workload it
// implies becomes a new scenario or a new revision of one. Both writes authorize before the
// upload or body is read.
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { requireTeamRole } from "../auth/team-access";
import { buildTemplate } from "../catalog/templates";
import { parseInput } from "../validation/errors";
import { ApplyUsageImportSchema, UsageImportOptionsSchema } from "../validation/usage-import";
import type { UsageAggregate } from "../usage/aggregate";
import { deriveUsage } from "../usage/derive";
import { UsageFileError, type RowIssue } from "../usage/formats";
import { parseUsage } from "../usage/parse";
import { recordAudit } from "./audit";
import { priceWithLatestCatalog } from "./catalog-picker";
import { createScenario, getScenarioById, saveRevision } from "./scenarios";
import { isoDay } from "../format/dates";

export type UsageUpload = { source: AsyncIterable<Uint8Array> };

const SUMMARY = {
  id: true,
  fileName: true,
  fileBytes: true,
  sha256: true,
  format: true,
  timeZone: true,
  periodStart: true,
  periodEnd: true,
  rowCount: true,
  badRowCount: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} as const;

/** Parses an upload into a stored import; a file that cannot be read is a 422 naming line and field, and nothing is stored. */
export async function importUsage(userId: string, teamSlug: string, upload: UsageUpload, rawOptions: unknown) {
  await requireTeamRole(getDb(), userId, teamSlug, "scenario:write");
  const options = parseInput(UsageImportOptionsSchema, rawOptions);
  const parsed = await parseUsage(upload.source, { format: options.format, timeZone: options.timeZone }).catch((e: unknown) => {
    if (!(e instanceof UsageFileError)) throw e;
    const tooLarge = /larger than/.test(e.message);
    throw new AppError(tooLarge ? "too_large" : "validation", e.message, { [e.field]: [e.message] });
  });
  const row = await getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "scenario:write");
    const created = await tx.usageImport.create({
      data: {
        teamId,
        createdById: userId,
        fileName: options.fileName,
        fileBytes: parsed.bytes,
        sha256: parsed.sha256,
        format: parsed.format,
        timeZone: options.timeZone,
        periodStart: new Date(parsed.aggregate.firstMs),
        periodEnd: new Date(parsed.aggregate.lastMs),
        rowCount: parsed.aggregate.rows,
        badRowCount: parsed.badRowCount,
        badRows: parsed.badRows as unknown as Prisma.InputJsonValue,
        aggregate: parsed.aggregate as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      teamId,
      actorId: userId,
      action: "usage.imported",
      target: `usage-import:${created.id}`,
      data: { fileName: options.fileName, rows: parsed.aggregate.rows, badRows: parsed.badRowCount },
    });
    return created;
  });
  return getUsageImport(userId, teamSlug, row.id);
}

/** The team's imports, newest first (without their aggregates). */
export async function listUsageImports(userId: string, teamSlug: string) {
  const { teamId } = await requireTeamRole(getDb(), userId, teamSlug, "scenario:read");
  return getDb().usageImport.findMany({ where: { teamId }, orderBy: { createdAt: "desc" }, take: 50, select: SUMMARY });
}

/** One import with its aggregate, bad rows and the workload derived from all of its models. */
export async function getUsageImport(userId: string, teamSlug: string, importId: string) {
  const { teamId } = await requireTeamRole(getDb(), userId, teamSlug, "scenario:read");
  const row = await getDb().usageImport.findFirst({
    where: { id: importId, teamId },
    select: { ...SUMMARY, badRows: true, aggregate: true },
  });
  if (!row) throw new AppError("not_found", "Usage import not found");
  const aggregate = row.aggregate as unknown as UsageAggregate;
  return { ...row, badRows: row.badRows as unknown as RowIssue[], aggregate, derived: deriveUsage(aggregate) };
}

/**
 * The derived workload as a new scenario (from a template, priced at the newest catalog) or as a
 * new revision of one (checked against the version the caller loaded). An import with rows it
 * could not read is used only when the caller says so.
 */
export async function applyUsageImport(userId: string, teamSlug: string, importId: string, raw: unknown) {
  const { teamId } = await requireTeamRole(getDb(), userId, teamSlug, "scenario:write");
  const data = parseInput(ApplyUsageImportSchema, raw);
  const row = await getDb().usageImport.findFirst({ where: { id: importId, teamId } });
  if (!row) throw new AppError("not_found", "Usage import not found");
  if (row.badRowCount > 0 && !data.acceptBadRows) {
    throw new AppError("validation", `${row.badRowCount} row(s) of ${row.fileName} could not be read.`, {
      acceptBadRows: [`confirm that only the ${row.rowCount} good rows are used (the ${row.badRowCount} bad ones are listed)`],
    });
  }
  const derived = deriveUsage(row.aggregate as unknown as UsageAggregate, { models: data.models, requestsPerMonth: data.requestsPerMonth });
  if (derived.workload.requestsPerMonth == null) {
    throw new AppError("validation", "This export has no request counts.", {
      requestsPerMonth: ["enter the requests per month (from your logs) to turn its tokens into a per-request workload"],
    });
  }
  const picked = data.models.length ? `, ${data.models.length} model(s)` : "";
  const message =
    `Workload from usage import ${row.fileName} (${isoDay(row.periodStart)} to ${isoDay(row.periodEnd)}, ${row.rowCount} rows${picked})`.slice(
      0,
      500,
    );
  const withWorkload = <T extends { workload?: object }>(input: T) => ({ ...input, workload: { ...input.workload, ...derived.workload } });
  if (data.target.kind === "new") {
    const built = buildTemplate(data.target.template);
    if (!built) throw new AppError("validation", "Unknown template.", { "target.template": ["is not a template"] });
    const input = withWorkload(await priceWithLatestCatalog(built));
    const name = data.target.name ?? `Usage: ${row.fileName}`.slice(0, 120);
    return createScenario(userId, teamSlug, { name, input, message });
  }
  const scenario = await getScenarioById(userId, data.target.scenarioId);
  if (!scenario || scenario.team.slug !== teamSlug || !scenario.currentRevision) throw new AppError("not_found", "Scenario not found");
  const input = withWorkload(scenario.currentRevision.input as { workload?: object });
  return saveRevision(userId, scenario.id, { baseVersion: data.target.baseVersion, input, message });
}
