// Idempotent seed: the reference price catalog, a demo user and team, and demo scenarios.
// Running it again changes nothing. Used by `npm start` (first start) and `npm run db:seed`.
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../auth/password";
import {
  REFERENCE_API_PRICES,
  REFERENCE_CATALOG_LABEL,
  REFERENCE_CHECKED_AT,
  REFERENCE_EFFECTIVE_DATE,
  REFERENCE_GPU_OFFERS,
  REFERENCE_GPU_PRICES_SOURCE,
  REFERENCE_OPEN_MODELS,
  GPU_SPECS,
} from "../catalog/reference-catalog";
import { referenceBenchmarks } from "../catalog/reference-benchmarks";
import { demoScenarios } from "./demo-scenarios";
import { dayStart } from "../format/dates";
import { appendRevision } from "./revisions";

export const DEMO_EMAIL = "demo@breakeven.local";
export const DEMO_PASSWORD = "breakeven-demo";
export const DEMO_TEAM_SLUG = "demo";

export async function seedReferenceCatalog(db: PrismaClient): Promise<string> {
  const existing = await db.catalogVersion.findUnique({ where: { label: REFERENCE_CATALOG_LABEL }, select: { id: true } });
  if (existing) return existing.id;
  return db.$transaction(async (tx) => {
    const version = await tx.catalogVersion.create({
      data: {
        label: REFERENCE_CATALOG_LABEL,
        effectiveDate: dayStart(REFERENCE_EFFECTIVE_DATE),
        sourceNote:
          "Reference figures from Breakeven's design notes: GPU prices from silybench-data gpu_prices.csv (checked 2026-09-25), API list prices from each provider's pricing page, throughput from silybench-data (CC BY 4.0) and vLLM benchmarks.",
        published: true,
        publishedAt: dayStart(REFERENCE_EFFECTIVE_DATE),
      },
    });
    const catalogVersionId = version.id;
    await tx.apiPrice.createMany({
      data: REFERENCE_API_PRICES.map((p) => ({
        catalogVersionId,
        provider: p.provider,
        model: p.model,
        inputPerM: p.inputPerM,
        cachedInputPerM: p.cachedInputPerM,
        cacheWritePerM: p.cacheWritePerM ?? null,
        outputPerM: p.outputPerM,
        batchDiscount: p.batchDiscount,
        sourceUrl: p.sourceUrl,
        checkedAt: REFERENCE_CHECKED_AT,
        certifications: p.certifications ?? [],
        zeroDataRetention: p.zeroDataRetention ?? null,
        dataRegions: p.dataRegions ?? [],
        typicalTtftMs: p.typicalTtftMs ?? null,
      })),
    });
    await tx.gpuOffer.createMany({
      data: REFERENCE_GPU_OFFERS.map((o) => {
        const spec = GPU_SPECS[o.gpu];
        return {
          catalogVersionId,
          provider: o.provider,
          gpuType: spec.gpuType,
          memoryGb: spec.memoryGb,
          bandwidthGbS: spec.bandwidthGbS,
          bf16Tflops: spec.bf16Tflops,
          fp8Tflops: spec.fp8Tflops,
          provisioning: "on_demand" as const,
          tenancy: o.tenancy ?? ("shared_cloud" as const),
          pricePerGpuHour: o.price,
          minGpus: o.minGpus ?? 1,
          sourceUrl: REFERENCE_GPU_PRICES_SOURCE,
          checkedAt: REFERENCE_CHECKED_AT,
        };
      }),
    });
    await tx.openModel.createMany({ data: REFERENCE_OPEN_MODELS.map((m) => ({ catalogVersionId, ...m })) });
    await tx.throughputBenchmark.createMany({ data: referenceBenchmarks().map((b) => ({ catalogVersionId, ...b })) });
    return catalogVersionId;
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
