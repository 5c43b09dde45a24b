// GET /api/v1/catalog/current – the newest published catalog version with every row (current prices)
import { json } from "@/lib/http";
import { getCatalogVersion, latestPublishedVersion } from "@/lib/data/catalog";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user" }, async ({ user }) => {
  const latest = await latestPublishedVersion();
  if (!latest) throw new AppError("not_found", "No catalog version is published yet");
  return json(await getCatalogVersion(user.id, latest.id));
});
