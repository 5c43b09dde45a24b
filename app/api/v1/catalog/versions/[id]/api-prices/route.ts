// POST /api/v1/catalog/versions/[id]/api-prices – add an API price row to a draft
import { json } from "@/lib/http";
import { addApiPrice } from "@/lib/data/catalog-drafts";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await addApiPrice(user.id, params.id, body), 201);
});
