// Idempotent seed: the reference price catalog, a demo user and team, and demo scenarios.
// Running it again changes nothing. Used by `npm start` (first start) and `npm run db:seed`.
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../auth/password";
import { REFERENCE_OPEN_MODELS } from "../catalog/reference-catalog";
import { REFERENCE_CATALOG_LABEL, REFERENCE_EFFECTIVE_DATE, referenceApiRows, referenceGpuRows } from "../catalog/reference-prices";
import { referenceBenchmarks } from "../catalog/reference-benchmarks";
import { demoScenarios } from "./demo-scenarios";
import { dayStart } from "../format/dates";
import { appendRevision } from "./revisions";

export const DEMO_EMAIL = "demo@breakeven.local";
export const DEMO_PASSWORD = "breakeven-demo";
export const DEMO_TEAM_SLUG = "demo";

/**
 * The reference catalog, published on a new installation. Where a catalog is already published, a
 * newer reference edition arrives as a draft for the administrators to review and publish, so its
 * re-pricing and notifications go through the usual publish. Returns the newest published version.
 */
export async function seedReferenceCatalog(db: PrismaClient): Promise<string> {
  const published = await db.catalogVersion.findFirst({ where: { published: true }, select: { id: true } });
  const existing = await db.catalogVersion.findUnique({ where: { label: REFERENCE_CATALOG_LABEL }, select: { id: true } });
  if (existing) return published?.id ?? existing.id;
  return db.$transaction(async (tx) => {
    const version = await tx.catalogVersion.create({
      data: {
        label: REFERENCE_CATALOG_LABEL,
        effectiveDate: dayStart(REFERENCE_EFFECTIVE_DATE),
        sourceNote:
          "Breakeven's reference catalog: API prices and compliance attributes from each provider's pricing and trust pages (each row's checked date and note say how current it is), GPU prices from silybench-data gpu_prices.csv (checked 2026-09-25) and the hyperscalers' price pages, throughput from silybench-data (CC BY 4.0) and vLLM benchmarks.",
        published: !published,
        publishedAt: published ? null : dayStart(REFERENCE_EFFECTIVE_DATE),
      },
    });
    const catalogVersionId = version.id;
    await tx.apiPrice.createMany({ data: referenceApiRows().map((r) => ({ ...r, catalogVersionId })) });
    await tx.gpuOffer.createMany({ data: referenceGpuRows().map((r) => ({ ...r, catalogVersionId })) });
    await tx.openModel.createMany({ data: REFERENCE_OPEN_MODELS.map((m) => ({ catalogVersionId, ...m })) });
    await tx.throughputBenchmark.createMany({ data: referenceBenchmarks().map((b) => ({ catalogVersionId, ...b })) });
    return published?.id ?? catalogVersionId;
  });
}

export async function seedDemoWorkspace(db: PrismaClient, catalogVersionId: string): Promise<void> {
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO_EMAIL, name: "Demo User", passwordHash, emailVerifiedAt: new Date() } });
    const team = await tx.team.create({
      data: { name: "Demo workspace", slug: DEMO_TEAM_SLUG, memberships: { create: { userId: user.id, role: "owner" } } },
    });
    for (const demo of demoScenarios()) {
      const scenario = await tx.scenario.create({
        data: { teamId: team.id, name: demo.name, description: demo.description, status: demo.status, createdById: user.id },
      });
      await appendRevision(tx, scenario.id, {
        input: demo.input as object,
        summary: demo.summary,
        catalogVersionId,
        authorId: user.id,
        message: "Seeded demo scenario",
      });
    }
    await tx.auditEvent.create({ data: { teamId: team.id, actorId: user.id, action: "seed.demo_workspace", target: `team:${team.id}` } });
  });
}

/**
 * The demo account has a published password: it is seeded only where it harms no one, on the
 * embedded database outside production (`demoAllowed`). The reference catalog is seeded everywhere.
 */
export async function seed(db: PrismaClient, opts: { demo?: boolean } = {}): Promise<void> {
  const catalogVersionId = await seedReferenceCatalog(db);
  if (opts.demo ?? true) await seedDemoWorkspace(db, catalogVersionId);
}

/** Demo data (a known password) belongs to the embedded database outside production only. */
export function demoAllowed(environment: Record<string, string | undefined> = process.env): boolean {
  const postgres = /^postgres(ql)?:\/\//.test((environment.DATABASE_URL ?? "").trim());
  return !postgres && environment.NODE_ENV !== "production";
}
