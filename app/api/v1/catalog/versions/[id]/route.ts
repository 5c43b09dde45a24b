// GET    /api/v1/catalog/versions/[id] – every row of a version (drafts: administrators only)
// DELETE /api/v1/catalog/versions/[id] – discard a draft (administrators; published versions: 409)
import { json } from "@/lib/http";
import { deleteDraft } from "@/lib/data/catalog-drafts";
import { getCatalogVersion } from "@/lib/data/catalog";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["id"] }, async ({ params, user }) => {
  return json(await getCatalogVersion(user.id, params.id));
});

export const DELETE = route({ auth: "user", params: ["id"], body: "none" }, async ({ params, user }) => {
  await deleteDraft(user.id, params.id);
  return json({ ok: true });
});
