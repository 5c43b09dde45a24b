// GET /api/v1/catalog/current – the newest published catalog version with every row (current prices)
import { requireUser } from "@/lib/auth/session";
import { handle, json } from "@/lib/http";
import { getCatalogVersion, latestPublishedVersion } from "@/lib/data/catalog";
import { AppError } from "@/lib/errors";

export const GET = handle(async (req: Request) => {
  const user = await requireUser(req);
  const latest = await latestPublishedVersion();
  if (!latest) throw new AppError("not_found", "No catalog version is published yet");
  return json(await getCatalogVersion(user.id, latest.id));
});
