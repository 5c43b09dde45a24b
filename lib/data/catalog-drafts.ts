import "server-only";
// Drafts of the price catalog: created, edited row by row and deleted by instance administrators;
// every write checks inside its transaction that the version is still a draft.
import { getDb } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation/errors";
import { ApiPriceEditSchema, ApiPricePatchSchema, CreateDraftSchema, GpuOfferEditSchema, GpuOfferPatchSchema } from "../validation/catalog";
import { latestPublishedVersion } from "./catalog-versions";
import { dayStart } from "../format/dates";
import { requireCatalogAdmin, requireDraft, type Tx } from "./catalog";

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
  return db.$transaction((tx) =>
    insertDraft(
      tx,
      { label: data.label, effectiveDate: dayStart(data.effectiveDate), sourceNote: data.sourceNote, createdById: userId },
      base?.id ?? null,
    ),
  );
}

/** A new draft version holding a copy of every row of `baseId` (none without one). */
export async function insertDraft(
  tx: Tx,
  data: { label: string; effectiveDate: Date; sourceNote?: string; createdById: string | null },
  baseId: string | null,
) {
  const draft = await tx.catalogVersion.create({ data });
  if (baseId) {
    const strip = <T extends { id: string; catalogVersionId: string }>({ id: _id, catalogVersionId: _v, ...rest }: T) => ({
      ...rest,
      catalogVersionId: draft.id,
    });
    await tx.apiPrice.createMany({ data: (await tx.apiPrice.findMany({ where: { catalogVersionId: baseId } })).map(strip) });
    await tx.gpuOffer.createMany({ data: (await tx.gpuOffer.findMany({ where: { catalogVersionId: baseId } })).map(strip) });
    await tx.openModel.createMany({ data: (await tx.openModel.findMany({ where: { catalogVersionId: baseId } })).map(strip) });
    await tx.throughputBenchmark.createMany({
      data: (await tx.throughputBenchmark.findMany({ where: { catalogVersionId: baseId } })).map(strip),
    });
  }
  return { id: draft.id, label: draft.label };
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
  const patch = parseInput(ApiPricePatchSchema, raw);
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
  const patch = parseInput(GpuOfferPatchSchema, raw);
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
