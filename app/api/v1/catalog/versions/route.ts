// GET  /api/v1/catalog/versions – published versions (and drafts, for administrators)
// POST /api/v1/catalog/versions – create a draft copied from the newest published version (administrators)
import { json } from "@/lib/http";
import { createDraft } from "@/lib/data/catalog-drafts";
import { listCatalogVersions } from "@/lib/data/catalog";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user" }, async ({ user }) => {
  return json(await listCatalogVersions(user.id));
});

export const POST = route({ auth: "user" }, async ({ user, body }) => {
  return json(await createDraft(user.id, body), 201);
});
