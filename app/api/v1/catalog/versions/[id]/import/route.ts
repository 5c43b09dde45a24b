// POST /api/v1/catalog/versions/[id]/import – apply a price file to a draft: all rows or none
import { json } from "@/lib/http";
import { applyImport } from "@/lib/data/catalog-imports";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await applyImport(user.id, params.id, body));
});
