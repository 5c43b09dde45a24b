import "server-only";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { authorize, type Action } from "../auth/authorize";
import { AppError } from "../errors";
import { evaluateFigures, parseScenario } from "../engine";
import { repriceInput } from "../catalog/reprice";
import { latestCatalogPrices } from "./catalog-picker";
import { latestPublishedVersion } from "./catalog";
import { summarize } from "../engine";
import type { ScenarioInput } from "../engine";
import { parseInput } from "../validation/errors";
import { BaseVersionSchema, CreateScenarioSchema, RenameScenarioSchema, SaveRevisionSchema, SetStatusSchema } from "../validation/scenario";
import { STATUS_FLOW } from "../validation/status-flow";
import { memberTeamWhere } from "./scope";
import { requireTeamRole } from "../auth/team-access";
import { recordAudit } from "./audit";
import { appendRevision } from "./revisions";

type Tx = Prisma.TransactionClient;

export type ScenarioListItem = Awaited<ReturnType<typeof listScenarios>>[number];

/** Scenarios of a team the user belongs to; tenant scope is part of the query itself. */
export async function listScenarios(userId: string, teamSlug: string) {
  return getDb().scenario.findMany({
    where: { team: { slug: teamSlug, ...memberTeamWhere(userId) } },
    orderBy: [{ updatedAt: "desc" }],
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      version: true,
      updatedAt: true,
      currentRevision: {
        select: { number: true, summary: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
}

/** What a scenario page and the API show of a scenario: its fields and its current revision. */
const SCENARIO_WITH_CURRENT = {
  id: true,
  name: true,
  description: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  currentRevision: {
    select: {
      id: true,
      number: true,
      input: true,
      summary: true,
      message: true,
      createdAt: true,
      catalogVersionId: true,
      author: { select: { name: true } },
      catalogVersion: { select: { label: true, effectiveDate: true } },
    },
  },
} as const;

/** One scenario with its current revision, only for a member of its team (else null → 404). */
export async function getScenario(userId: string, teamSlug: string, scenarioId: string) {
  return getDb().scenario.findFirst({
    where: { id: scenarioId, team: { slug: teamSlug, ...memberTeamWhere(userId) } },
    select: SCENARIO_WITH_CURRENT,
  });
}

/** The caller's role in the scenario's team, found through the scenario (never from the client). */
async function roleForScenario(db: Tx | ReturnType<typeof getDb>, userId: string, scenarioId: string) {
  const row = await db.scenario.findFirst({
    where: { id: scenarioId, team: memberTeamWhere(userId) },
    select: {
      id: true,
      teamId: true,
      version: true,
      status: true,
      name: true,
      team: { select: { memberships: { where: { userId }, select: { role: true } } } },
    },
  });
  return row ? { ...row, role: row.team.memberships[0]?.role ?? null } : null;
}

/** As requireTeamRole, reached through a scenario: 404 for a non-member, 403 for too low a role. */
export async function requireScenarioRole(db: Tx | ReturnType<typeof getDb>, userId: string, scenarioId: string, action: Action) {
  const row = await roleForScenario(db, userId, scenarioId);
  if (!row) throw new AppError("not_found", "Scenario not found");
  authorize(row.role, action, "Scenario not found");
  return row;
}

async function latestCatalogVersionId(tx: Tx): Promise<string | null> {
  return (await latestPublishedVersion(tx))?.id ?? null;
}

/** Evaluates on the server: the evaluation that is saved is the server's, never the browser's. */
function evaluationSummary(input: ScenarioInput) {
  return summarize(evaluateFigures(input, { monteCarloSamples: 0 })) as unknown as Prisma.InputJsonValue;
}

// Every write authorizes before it reads the body: a team or scenario the caller cannot reach is
// 404/403 whatever was sent, so the answer never depends on the body's validity.
export async function createScenario(userId: string, teamSlug: string, raw: unknown) {
  // Checked before the evaluation (which stays out of the transaction), and again inside it.
  await requireTeamRole(getDb(), userId, teamSlug, "scenario:write");
  const data = parseInput(CreateScenarioSchema, raw);
  const summary = evaluationSummary(data.input);
  return getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "scenario:write");
    const scenario = await tx.scenario.create({
      data: { teamId, name: data.name, description: data.description, createdById: userId },
    });
    const revision = await appendRevision(tx, scenario.id, {
      input: data.input as unknown as Prisma.InputJsonValue,
      summary,
      catalogVersionId: await latestCatalogVersionId(tx),
      authorId: userId,
      message: data.message,
    });
    await recordAudit(tx, {
      teamId,
      actorId: userId,
      action: "scenario.created",
      target: `scenario:${scenario.id}`,
      data: { name: data.name },
    });
    return { id: scenario.id, version: revision.version, revision: revision.number };
  });
}

/**
 * Saves a new revision. The caller names the version it loaded; if anyone saved since, nothing
 * is written and the conflict says who saved what, so no edit is silently lost.
 */
export async function saveRevision(userId: string, scenarioId: string, raw: unknown) {
  await requireScenarioRole(getDb(), userId, scenarioId, "scenario:write");
  const data = parseInput(SaveRevisionSchema, raw);
  const summary = evaluationSummary(data.input);
  return getDb().$transaction(async (tx) => {
    const current = await requireScenarioRole(tx, userId, scenarioId, "scenario:write");
    await bumpVersion(tx, scenarioId, data.baseVersion, {
      ...(data.name ? { name: data.name } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
    });
    const revision = await appendRevision(tx, scenarioId, {
      input: data.input as unknown as Prisma.InputJsonValue,
      summary,
      catalogVersionId: await latestCatalogVersionId(tx),
      authorId: userId,
      message: data.message,
    });
    await recordAudit(tx, {
      teamId: current.teamId,
      actorId: userId,
      action: "scenario.saved",
      target: `scenario:${scenarioId}`,
      data: { revision: revision.number },
    });
    return { id: scenarioId, version: revision.version, revision: revision.number };
  });
}

/**
 * Bumps the scenario's version if it is still the one the caller loaded, with `fields` changed in
 * the same write; otherwise nothing is written and the conflict says who saved what.
 */
async function bumpVersion(tx: Tx, scenarioId: string, baseVersion: number, fields: Prisma.ScenarioUpdateManyMutationInput = {}) {
  const bumped = await tx.scenario.updateMany({
    where: { id: scenarioId, version: baseVersion },
    data: { ...fields, version: { increment: 1 } },
  });
  if (bumped.count === 0) throw await conflict(tx, scenarioId, baseVersion);
  return baseVersion + 1;
}

async function conflict(tx: Tx, scenarioId: string, baseVersion: number) {
  const now = await tx.scenario.findUniqueOrThrow({
    where: { id: scenarioId },
    select: {
      version: true,
      currentRevision: { select: { number: true, message: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  const r = now.currentRevision;
  const who = r ? `${r.author?.name ?? "Someone"} saved revision ${r.number}${r.message ? ` (“${r.message}”)` : ""}` : "Someone changed it";
  return new AppError(
    "conflict",
    `This scenario changed since you opened it (you had version ${baseVersion}, it is now ${now.version}): ${who}. Reload to see their changes, then re-apply yours.`,
  );
}

/** A new name or description, checked against the version the caller loaded (409 if stale). */
export async function renameScenario(userId: string, scenarioId: string, raw: unknown) {
  return getDb().$transaction(async (tx) => {
    const current = await requireScenarioRole(tx, userId, scenarioId, "scenario:write");
    const data = parseInput(RenameScenarioSchema, raw);
    const version = await bumpVersion(tx, scenarioId, data.baseVersion, {
      name: data.name,
      ...(data.description !== undefined ? { description: data.description } : {}),
    });
    await recordAudit(tx, {
      teamId: current.teamId,
      actorId: userId,
      action: "scenario.renamed",
      target: `scenario:${scenarioId}`,
      data: { from: current.name, to: data.name },
    });
    return { id: scenarioId, version, name: data.name };
  });
}

export async function setScenarioStatus(userId: string, scenarioId: string, raw: unknown) {
  await requireScenarioRole(getDb(), userId, scenarioId, "scenario:write");
  const data = parseInput(SetStatusSchema, raw);
  return getDb().$transaction(async (tx) => {
    const current = await requireScenarioRole(tx, userId, scenarioId, "scenario:write");
    const allowed: readonly string[] = STATUS_FLOW[current.status];
    if (!allowed.includes(data.status)) {
      throw new AppError("validation", `A ${current.status} scenario cannot become ${data.status}.`, {
        status: [`From ${current.status}: ${allowed.join(" or ")}.`],
      });
    }
    const version = await bumpVersion(tx, scenarioId, data.baseVersion, { status: data.status });
    await recordAudit(tx, {
      teamId: current.teamId,
      actorId: userId,
      action: "scenario.status_changed",
      target: `scenario:${scenarioId}`,
      data: { from: current.status, to: data.status },
    });
    return { id: scenarioId, version, status: data.status };
  });
}

export async function duplicateScenario(userId: string, scenarioId: string) {
  return getDb().$transaction(async (tx) => {
    const current = await requireScenarioRole(tx, userId, scenarioId, "scenario:write");
    const source = await tx.scenario.findUniqueOrThrow({
      where: { id: scenarioId },
      select: {
        name: true,
        description: true,
        currentRevision: { select: { input: true, summary: true, catalogVersionId: true, number: true } },
      },
    });
    const copy = await tx.scenario.create({
      data: { teamId: current.teamId, name: `${source.name} (copy)`.slice(0, 120), description: source.description, createdById: userId },
    });
    const from = source.currentRevision;
    if (!from) throw new AppError("conflict", "This scenario has no revision to copy.");
    await appendRevision(tx, copy.id, {
      input: from.input as Prisma.InputJsonValue,
      summary: from.summary as Prisma.InputJsonValue,
      catalogVersionId: from.catalogVersionId,
      authorId: userId,
      message: `Copied from “${source.name}” revision ${from.number}`,
    });
    await recordAudit(tx, {
      teamId: current.teamId,
      actorId: userId,
      action: "scenario.duplicated",
      target: `scenario:${copy.id}`,
      data: { from: scenarioId },
    });
    return { id: copy.id };
  });
}

export async function listRevisions(userId: string, scenarioId: string) {
  await requireScenarioRole(getDb(), userId, scenarioId, "scenario:read");
  return getDb().scenarioRevision.findMany({
    where: { scenarioId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      message: true,
      createdAt: true,
      summary: true,
      author: { select: { name: true } },
      catalogVersion: { select: { label: true } },
    },
  });
}

export async function getRevision(userId: string, scenarioId: string, number: number) {
  await requireScenarioRole(getDb(), userId, scenarioId, "scenario:read");
  const revision = await getDb().scenarioRevision.findUnique({ where: { scenarioId_number: { scenarioId, number } } });
  if (!revision) throw new AppError("not_found", "Revision not found");
  return revision;
}

/** Restores an old revision as a new one (history is never rewritten). */
export async function restoreRevision(userId: string, scenarioId: string, number: number, raw: unknown) {
  await requireScenarioRole(getDb(), userId, scenarioId, "scenario:write");
  const { baseVersion } = parseInput(BaseVersionSchema, raw);
  const old = await getRevision(userId, scenarioId, number);
  return saveRevision(userId, scenarioId, { baseVersion, input: old.input, message: `Restored revision ${number}` });
}

/**
 * The scenario's current revision at the newest published catalog's prices, when that catalog is
 * not the one it was saved with: the re-priced input, each price that changed and the options the
 * catalog does not price. Null when there is nothing to re-price.
 */
export async function repricePreview(userId: string, teamSlug: string, scenarioId: string) {
  const scenario = await getScenario(userId, teamSlug, scenarioId);
  const rev = scenario?.currentRevision;
  if (!rev) return null;
  const catalog = await latestCatalogPrices();
  if (!catalog || rev.catalogVersionId === catalog.id) return null;
  const repriced = repriceInput(parseScenario(rev.input), catalog);
  if (repriced.changes.length === 0) return null;
  return { catalog: { id: catalog.id, label: catalog.label, effectiveDate: catalog.effectiveDate }, ...repriced };
}

/** Saves the current revision re-priced at the newest catalog as a new revision (409 if stale). */
export async function saveRepricedRevision(userId: string, scenarioId: string, raw: unknown) {
  await requireScenarioRole(getDb(), userId, scenarioId, "scenario:write");
  const { baseVersion } = parseInput(BaseVersionSchema, raw);
  const current = await getDb().scenario.findUniqueOrThrow({
    where: { id: scenarioId },
    select: { currentRevision: { select: { input: true } } },
  });
  const catalog = await latestCatalogPrices();
  if (!catalog || !current.currentRevision) throw new AppError("conflict", "There is no published catalog to re-price with.");
  const repriced = repriceInput(parseScenario(current.currentRevision.input), catalog);
  if (repriced.changes.length === 0)
    throw new AppError("conflict", `Nothing to re-price: the scenario already uses catalog ${catalog.label}'s prices.`);
  const message = `Re-priced at catalog ${catalog.label}: ${repriced.changes.length} price${repriced.changes.length > 1 ? "s" : ""} changed`;
  return saveRevision(userId, scenarioId, { baseVersion, input: repriced.input, message });
}

/** One scenario with its current revision (input and summary) for the API; null → 404. */
export async function getScenarioById(userId: string, scenarioId: string) {
  return getDb().scenario.findFirst({
    where: { id: scenarioId, team: memberTeamWhere(userId) },
    select: { ...SCENARIO_WITH_CURRENT, team: { select: { slug: true, name: true } } },
  });
}
