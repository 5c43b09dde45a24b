// The newest published catalog version. Without "server-only": the start-up re-evaluation
// (lib/data/repricing.ts) runs outside the server.
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";

export async function latestPublishedVersion(db: Prisma.TransactionClient | ReturnType<typeof getDb> = getDb()) {
  return db.catalogVersion.findFirst({
    where: { published: true },
    orderBy: [{ effectiveDate: "desc" }, { publishedAt: "desc" }],
    select: { id: true, label: true, effectiveDate: true },
  });
}
