// Many saved scenarios in the demo team, and a published version with cheaper GPUs: what the
// re-pricing tests, faults and bench work on. Needs a seeded database (lib/data/seed).
import type { Db } from "../../lib/db";
import { DEMO_EMAIL, DEMO_TEAM_SLUG } from "../../lib/data/seed";
import { demoScenarios } from "../../lib/data/demo-scenarios";
import { evaluateFigures, parseScenario, summarize } from "../../lib/engine";

/** `count` scenarios (ids `bulk-s-<i>`), each with one revision priced at the reference catalog. */
export async function insertSavedScenarios(db: Db, count: number) {
  const reference = await db.catalogVersion.findFirstOrThrow({ where: { published: true }, orderBy: { publishedAt: "asc" } });
  const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
  const team = await db.team.findUniqueOrThrow({ where: { slug: DEMO_TEAM_SLUG } });
  // The three examples at 20 volumes each, summaries computed once per variant.
  const variants = demoScenarios().flatMap((d) =>
    Array.from({ length: 20 }, (_, k) => {
      const input = {
        ...d.input,
        workload: { ...d.input.workload, requestsPerMonth: Math.round(d.input.workload.requestsPerMonth * (0.25 + k * 0.25)) },
      };
      return { name: d.name, input, summary: summarize(evaluateFigures(parseScenario(input), { monteCarloSamples: 0 })) };
    }),
  );
  for (let start = 0; start < count; start += 1000) {
    const ids = Array.from({ length: Math.min(1000, count - start) }, (_, i) => start + i);
    await db.scenario.createMany({
      data: ids.map((i) => ({
        id: `bulk-s-${i}`,
        teamId: team.id,
        name: `${variants[i % variants.length].name} #${i}`,
        createdById: user.id,
      })),
    });
    await db.scenarioRevision.createMany({
      data: ids.map((i) => ({
        id: `bulk-r-${i}`,
        scenarioId: `bulk-s-${i}`,
        number: 1,
        input: variants[i % variants.length].input as object,
        summary: variants[i % variants.length].summary as object,
        catalogVersionId: reference.id,
        authorId: user.id,
      })),
    });
  }
  await db.$executeRawUnsafe(
    `UPDATE "Scenario" s SET "currentRevisionId" = r.id FROM "ScenarioRevision" r WHERE r."scenarioId" = s.id AND s."currentRevisionId" IS NULL`,
  );
}

/** A published copy of the reference catalog with H200s and L40Ss 40% cheaper; returns its id. */
export async function publishCheaperGpus(db: Db, label = "cheaper GPUs"): Promise<string> {
  const reference = await db.catalogVersion.findFirstOrThrow({ where: { published: true }, orderBy: { publishedAt: "asc" } });
  const version = await db.catalogVersion.create({ data: { label, effectiveDate: new Date(), published: true, publishedAt: new Date() } });
  const strip = <T extends { id: string; catalogVersionId: string }>({ id: _id, catalogVersionId: _v, ...rest }: T) => ({
    ...rest,
    catalogVersionId: version.id,
  });
  await db.apiPrice.createMany({ data: (await db.apiPrice.findMany({ where: { catalogVersionId: reference.id } })).map(strip) });
  await db.gpuOffer.createMany({
    data: (await db.gpuOffer.findMany({ where: { catalogVersionId: reference.id } })).map((o) => ({
      ...strip(o),
      pricePerGpuHour: o.gpuType === "H200 SXM" || o.gpuType === "L40S" ? o.pricePerGpuHour * 0.6 : o.pricePerGpuHour,
    })),
  });
  return version.id;
}
