import "server-only";
// The price catalog: dated versions, drafts edited by instance administrators and published ones
// immutable. Here: who may edit, and reading versions and price history. By verb elsewhere:
// catalog-drafts.ts (editing drafts), catalog-imports.ts (price files into a draft),
// catalog-publish.ts, catalog-marks.ts (the dashboard's "prices changed" marks), catalog-picker.ts
// (the newest catalog for the editor and templates), repricing.ts (re-evaluating saved scenarios).
import { getDb } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { canAdministerCatalog } from "../auth/authorize";
import { latestPublishedVersion } from "./catalog-versions";

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
