// POST /api/v1/catalog/versions/[id]/import/preview – what a price file would change in a draft (writes nothing)
import { json } from "@/lib/http";
import { previewImport } from "@/lib/data/catalog-imports";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await previewImport(user.id, params.id, body));
});
