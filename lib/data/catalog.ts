import "server-only";
// The price catalog: dated versions (drafts edited by instance administrators, published ones
// immutable; imports into drafts are in catalog-imports.ts), price history, and the re-evaluation of every saved scenario
// when a version is published. Every write to a version's rows goes through a transaction that
// first checks the version is still a draft.
import { getDb } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { parseScenario } from "../engine/evaluate";
import { parseInput } from "../validation/errors";
import { isMarked, repriceInput, type CatalogPrices } from "../catalog/reprice";
import type { PickerCatalog } from "../catalog/templates";
import { ApiPriceEditSchema, CreateDraftSchema, GpuOfferEditSchema, PublishSchema, ThresholdSchema } from "../validation/catalog";
import { requireTeamRole } from "../auth/team-access";
import { canAdministerCatalog } from "../auth/authorize";
import { memberTeamWhere } from "./scope";
import { recordAudit } from "./audit";
import { latestPublishedVersion } from "./catalog-versions";
import { isoDay, dayStart } from "../format/dates";

export type Tx = Prisma.TransactionClient;

// ---- Who may edit --------------------------------------------------------------------------

export async function isCatalogAdmin(userId: string): Promise<boolean> {
  return canAdministerCatalog(
    await getDb().user.findUnique({ where: { id: userId }, select: { email: true, catalogAdmin: true, emailVerifiedAt: true } }),
  );
}

export async function requireCatalogAdmin(userId: string): Promise<void> {
  if (!(await isCatalogAdmin(userId)))
    throw new AppError(
      "forbidden",
      "Only instance administrators (npm run admin -- grant, or a verified address in ADMIN_EMAILS) can edit the price catalog.",
    );
}

/** Inside a write: the version must exist and still be a draft. */
export async function requireDraft(tx: Tx, versionId: string) {
  const v = await tx.catalogVersion.findUnique({
    where: { id: versionId },
    select: { id: true, published: true, label: true, effectiveDate: true },
  });
  if (!v) throw new AppError("not_found", "Catalog version not found");
  if (v.published)
    throw new AppError(
      "conflict",
      `Catalog version "${v.label}" is published; published versions cannot be changed. Create a draft instead.`,
    );
  return v;
}

// ---- Reading -------------------------------------------------------------------------------

export async function listCatalogVersions(userId: string) {
  const admin = await isCatalogAdmin(userId);
  const versions = await getDb().catalogVersion.findMany({
    where: admin ? {} : { published: true },
    orderBy: [{ published: "asc" }, { effectiveDate: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      label: true,
      effectiveDate: true,
      published: true,
      publishedAt: true,
      sourceNote: true,
      createdAt: true,
      _count: { select: { apiPrices: true, gpuOffers: true, openModels: true, benchmarks: true } },
      repricingRuns: {
        orderBy: { startedAt: "desc" },
        take: 1,
        select: { id: true, status: true, total: true, processed: true, changed: true, error: true, finishedAt: true },
      },
    },
  });
  return { admin, versions };
}

/** The newest published version: the prices new scenarios are made with. */
export { latestPublishedVersion };

/** A version's rows; drafts only for administrators (others get "not found"). */
export async function getCatalogVersion(userId: string, versionId: string) {
  const v = await getDb().catalogVersion.findUnique({
    where: { id: versionId },
    include: {
      apiPrices: { orderBy: [{ provider: "asc" }, { model: "asc" }, { region: "asc" }, { tier: "asc" }] },
      gpuOffers: { orderBy: [{ gpuType: "asc" }, { pricePerGpuHour: "asc" }] },
      openModels: { orderBy: { name: "asc" } },
      benchmarks: { orderBy: [{ model: "asc" }, { gpuType: "asc" }, { tensorParallel: "asc" }, { concurrency: "asc" }] },
    },
  });
  if (!v || (!v.published && !(await isCatalogAdmin(userId)))) throw new AppError("not_found", "Catalog version not found");
  return v;
}

export type PriceHistoryQuery = { kind: "api"; provider: string; model: string } | { kind: "gpu"; provider: string; gpuType: string };

/** One model's or one GPU offer's price across published versions, oldest first. */
export async function priceHistory(q: PriceHistoryQuery) {
  const versions = await getDb().catalogVersion.findMany({
    where: { published: true },
    orderBy: [{ effectiveDate: "asc" }, { publishedAt: "asc" }],
    select: {
      label: true,
      effectiveDate: true,
      apiPrices:
        q.kind === "api" ? { where: { provider: q.provider, model: q.model, tier: "standard" }, orderBy: { region: "asc" } } : false,
      gpuOffers: q.kind === "gpu" ? { where: { provider: q.provider, gpuType: q.gpuType }, orderBy: { provisioning: "asc" } } : false,
    },
  });
  return versions.map((v) => {
    const api = q.kind === "api" ? (v.apiPrices.find((r) => r.region === "global") ?? v.apiPrices[0]) : undefined;
    const gpu = q.kind === "gpu" ? (v.gpuOffers.find((r) => r.provisioning === "on_demand") ?? v.gpuOffers[0]) : undefined;
    return {
      label: v.label,
      effectiveDate: v.effectiveDate,
      present: Boolean(api ?? gpu),
      inputPerM: api?.inputPerM ?? null,
      cachedInputPerM: api?.cachedInputPerM ?? null,
      outputPerM: api?.outputPerM ?? null,
      pricePerGpuHour: gpu?.pricePerGpuHour ?? null,
      sourceUrl: api?.sourceUrl ?? gpu?.sourceUrl ?? null,
      checkedAt: api?.checkedAt ?? gpu?.checkedAt ?? null,
    };
  });
}

// ---- Drafts --------------------------------------------------------------------------------

/** A new draft, copied row by row from a published version (the newest by default). */
export async function createDraft(userId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const data = parseInput(CreateDraftSchema, raw);
  const db = getDb();
  const base = data.basedOn
    ? await db.catalogVersion.findFirst({ where: { id: data.basedOn, published: true }, select: { id: true } })
    : await latestPublishedVersion();
  if (data.basedOn && !base) throw new AppError("not_found", "The version to copy was not found or is not published");
  if (await db.catalogVersion.findUnique({ where: { label: data.label }, select: { id: true } })) {
    throw new AppError("validation", "Please correct the highlighted fields.", { label: [`"${data.label}" is already taken`] });
  }
  return db.$transaction(async (tx) => {
    const draft = await tx.catalogVersion.create({
      data: { label: data.label, effectiveDate: dayStart(data.effectiveDate), sourceNote: data.sourceNote, createdById: userId },
    });
    if (base) {
      const strip = <T extends { id: string; catalogVersionId: string }>({ id: _id, catalogVersionId: _v, ...rest }: T) => ({
        ...rest,
        catalogVersionId: draft.id,
      });
      await tx.apiPrice.createMany({ data: (await tx.apiPrice.findMany({ where: { catalogVersionId: base.id } })).map(strip) });
      await tx.gpuOffer.createMany({ data: (await tx.gpuOffer.findMany({ where: { catalogVersionId: base.id } })).map(strip) });
      await tx.openModel.createMany({ data: (await tx.openModel.findMany({ where: { catalogVersionId: base.id } })).map(strip) });
      await tx.throughputBenchmark.createMany({
        data: (await tx.throughputBenchmark.findMany({ where: { catalogVersionId: base.id } })).map(strip),
      });
    }
    return { id: draft.id, label: draft.label };
  });
}

export async function deleteDraft(userId: string, versionId: string) {
  await requireCatalogAdmin(userId);
  await getDb().$transaction(async (tx) => {
    await requireDraft(tx, versionId);
    await tx.catalogVersion.delete({ where: { id: versionId } });
  });
}

/** Changes one API price row of a draft (any field given; the rest kept). */
export async function updateApiPrice(userId: string, rowId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const patch = parseInput(ApiPriceEditSchema.partial(), raw);
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiPrice.findUnique({ where: { id: rowId }, select: { catalogVersionId: true } });
    if (!row) throw new AppError("not_found", "Price row not found");
    await requireDraft(tx, row.catalogVersionId);
    const { checkedAt, ...rest } = patch;
    return tx.apiPrice.update({ where: { id: rowId }, data: { ...rest, ...(checkedAt ? { checkedAt: dayStart(checkedAt) } : {}) } });
  });
}

export async function updateGpuOffer(userId: string, rowId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const patch = parseInput(GpuOfferEditSchema.partial(), raw);
  return getDb().$transaction(async (tx) => {
    const row = await tx.gpuOffer.findUnique({ where: { id: rowId }, select: { catalogVersionId: true } });
    if (!row) throw new AppError("not_found", "GPU offer not found");
    await requireDraft(tx, row.catalogVersionId);
    const { checkedAt, ...rest } = patch;
    return tx.gpuOffer.update({ where: { id: rowId }, data: { ...rest, ...(checkedAt ? { checkedAt: dayStart(checkedAt) } : {}) } });
  });
}

export async function addApiPrice(userId: string, versionId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const row = parseInput(ApiPriceEditSchema, raw);
  return getDb().$transaction(async (tx) => {
    await requireDraft(tx, versionId);
    const clash = await tx.apiPrice.findFirst({
      where: { catalogVersionId: versionId, provider: row.provider, model: row.model, region: row.region, tier: row.tier },
      select: { id: true },
    });
    if (clash)
      throw new AppError("validation", "Please correct the highlighted fields.", {
        model: ["this draft already prices this provider, model, region and tier"],
      });
    return tx.apiPrice.create({ data: { ...row, checkedAt: dayStart(row.checkedAt), catalogVersionId: versionId } });
  });
}

export async function addGpuOffer(userId: string, versionId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const row = parseInput(GpuOfferEditSchema, raw);
  return getDb().$transaction(async (tx) => {
    await requireDraft(tx, versionId);
    const clash = await tx.gpuOffer.findFirst({
      where: { catalogVersionId: versionId, provider: row.provider, gpuType: row.gpuType, provisioning: row.provisioning },
      select: { id: true },
    });
    if (clash)
      throw new AppError("validation", "Please correct the highlighted fields.", {
        gpuType: ["this draft already has this provider, GPU and provisioning"],
      });
    return tx.gpuOffer.create({ data: { ...row, checkedAt: dayStart(row.checkedAt), catalogVersionId: versionId } });
  });
}

/** Retires a row from a draft (the published versions keep theirs). */
export async function retireRow(userId: string, kind: "api" | "gpu", rowId: string) {
  await requireCatalogAdmin(userId);
  await getDb().$transaction(async (tx) => {
    const row =
      kind === "api"
        ? await tx.apiPrice.findUnique({ where: { id: rowId }, select: { catalogVersionId: true } })
        : await tx.gpuOffer.findUnique({ where: { id: rowId }, select: { catalogVersionId: true } });
    if (!row) throw new AppError("not_found", "Row not found");
    await requireDraft(tx, row.catalogVersionId);
    if (kind === "api") await tx.apiPrice.delete({ where: { id: rowId } });
    else await tx.gpuOffer.delete({ where: { id: rowId } });
  });
}

// ---- Publishing and re-pricing -------------------------------------------------------------

/** Publishes a draft (label and effective date final) and starts re-pricing every scenario. */
export async function publishVersion(userId: string, versionId: string, raw: unknown) {
  await requireCatalogAdmin(userId);
  const data = parseInput(PublishSchema, raw);
  const db = getDb();
  const runId = await db.$transaction(async (tx) => {
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
    return run.id;
  });
  return { runId };
}

export async function getRepricingRun(userId: string, runId: string) {
  await requireCatalogAdmin(userId);
  const run = await getDb().repricingRun.findUnique({ where: { id: runId } });
  if (!run) throw new AppError("not_found", "Re-pricing run not found");
  return run;
}

// ---- Revisiting decisions ------------------------------------------------------------------

/**
 * "Prices changed" marks for a team's dashboard: for each scenario whose current revision was
 * re-priced at a newer published version, the change and whether it passes the owners' threshold.
 */
export async function repricingMarks(userId: string, teamSlug: string) {
  const team = await teamThreshold(userId, teamSlug);
  if (!team) return { threshold: { percent: null, usd: null }, marks: new Map<string, RepricingMark>() };
  const { threshold } = team;
  const rows = await getDb().scenarioRepricing.findMany({
    where: { scenario: { teamId: team.id }, revision: { currentOf: { isNot: null } } },
    orderBy: [{ catalogVersion: { effectiveDate: "desc" } }, { createdAt: "desc" }],
    select: {
      scenarioId: true,
      revisionId: true,
      monthlyThen: true,
      monthlyNow: true,
      outcomeThen: true,
      outcomeNow: true,
      optionThen: true,
      optionNow: true,
      breakevenThen: true,
      breakevenNow: true,
      changedPrices: true,
      catalogVersion: { select: { label: true } },
      scenario: { select: { currentRevisionId: true } },
    },
  });
  const marks = new Map<string, RepricingMark>();
  for (const r of rows) {
    if (marks.has(r.scenarioId) || r.scenario.currentRevisionId !== r.revisionId) continue;
    const c = { ...r, outcomeThen: r.outcomeThen as "api", outcomeNow: r.outcomeNow as "api" };
    marks.set(r.scenarioId, {
      ...c,
      catalogLabel: r.catalogVersion.label,
      flipped: c.outcomeThen !== c.outcomeNow || c.optionThen !== c.optionNow,
      shown: isMarked(c, threshold),
    });
  }
  return { threshold, marks };
}

async function teamThreshold(userId: string, teamSlug: string) {
  const team = await getDb().team.findFirst({
    where: { slug: teamSlug, ...memberTeamWhere(userId) },
    select: { id: true, repriceThresholdPercent: true, repriceThresholdUsd: true },
  });
  return team ? { id: team.id, threshold: { percent: team.repriceThresholdPercent, usd: team.repriceThresholdUsd } } : null;
}

/** The owners' threshold for "prices changed" marks (nulls for a team the user is not in). */
export async function getRepriceThreshold(userId: string, teamSlug: string) {
  return (await teamThreshold(userId, teamSlug))?.threshold ?? { percent: null, usd: null };
}

export type RepricingMark = {
  monthlyThen: number | null;
  monthlyNow: number | null;
  outcomeThen: string;
  outcomeNow: string;
  optionThen: string | null;
  optionNow: string | null;
  breakevenThen: number | null;
  breakevenNow: number | null;
  changedPrices: number;
  catalogLabel: string;
  flipped: boolean;
  shown: boolean;
};

/** The owners' threshold below which no "prices changed" mark is shown. */
export async function setRepriceThreshold(userId: string, teamSlug: string, raw: unknown) {
  return getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "team:settings");
    const data = parseInput(ThresholdSchema, raw);
    await tx.team.update({ where: { id: teamId }, data: { repriceThresholdPercent: data.percent, repriceThresholdUsd: data.usd } });
    await recordAudit(tx, { teamId, actorId: userId, action: "team.reprice-threshold", target: `team:${teamId}`, data });
    return data;
  });
}

/** The newest published catalog's prices, for re-pricing one scenario on its page. */
export async function latestCatalogPrices(): Promise<(CatalogPrices & { id: string; effectiveDate: Date }) | null> {
  const v = await latestPublishedVersion();
  if (!v) return null;
  const full = await getDb().catalogVersion.findUniqueOrThrow({ where: { id: v.id }, include: { apiPrices: true, gpuOffers: true } });
  return { id: full.id, label: full.label, effectiveDate: full.effectiveDate, apiPrices: full.apiPrices, gpuOffers: full.gpuOffers };
}

/** A template's input with the newest published catalog's prices (the options it names stay). */
export async function priceWithLatestCatalog(raw: unknown) {
  const input = parseScenario(raw);
  const catalog = await latestCatalogPrices();
  return catalog ? repriceInput(input, catalog).input : input;
}

/** The rows an editor adds options from: the newest published catalog, dates as YYYY-MM-DD. */
export async function latestPickerCatalog(): Promise<PickerCatalog | null> {
  const v = await latestPublishedVersion();
  if (!v) return null;
  const full = await getDb().catalogVersion.findUniqueOrThrow({
    where: { id: v.id },
    include: {
      apiPrices: { where: { tier: "standard" }, orderBy: [{ provider: "asc" }, { model: "asc" }] },
      gpuOffers: { orderBy: [{ gpuType: "asc" }, { pricePerGpuHour: "asc" }] },
      openModels: { orderBy: { name: "asc" } },
      benchmarks: { orderBy: [{ model: "asc" }, { gpuType: "asc" }, { tensorParallel: "asc" }] },
    },
  });
  const seen = new Set<string>();
  return {
    label: full.label,
    // One row per provider and model (the global region first), as options are matched by them.
    api: [...full.apiPrices]
      .sort((a, b) => Number(b.region === "global") - Number(a.region === "global"))
      .filter((r) => !seen.has(`${r.provider}|${r.model}`) && seen.add(`${r.provider}|${r.model}`))
      .map((r) => ({
        provider: r.provider,
        model: r.model,
        inputPerM: r.inputPerM,
        cachedInputPerM: r.cachedInputPerM,
        cacheWritePerM: r.cacheWritePerM,
        outputPerM: r.outputPerM,
        batchDiscount: r.batchDiscount,
        sourceUrl: r.sourceUrl,
        checkedAt: isoDay(r.checkedAt),
      }))
      .sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model)),
    gpu: full.gpuOffers.map((o) => ({
      provider: o.provider,
      gpuType: o.gpuType,
      memoryGb: o.memoryGb,
      bandwidthGbS: o.bandwidthGbS,
      bf16Tflops: o.bf16Tflops,
      fp8Tflops: o.fp8Tflops,
      pricePerGpuHour: o.pricePerGpuHour,
      minGpus: o.minGpus,
      sourceUrl: o.sourceUrl,
      checkedAt: isoDay(o.checkedAt),
    })),
    models: full.openModels.map(
      ({ name, totalParamsB, activeParamsB, layers, kvHeads, headDim, contextLength, kvLoraRank, ropeHeadDim }) => ({
        name,
        totalParamsB,
        activeParamsB,
        layers,
        kvHeads,
        headDim,
        contextLength,
        kvLoraRank,
        ropeHeadDim,
      }),
    ),
    benchmarks: full.benchmarks.map(({ id: _id, catalogVersionId: _v, ...row }) => row),
  };
}
