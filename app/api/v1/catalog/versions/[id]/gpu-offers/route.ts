// POST /api/v1/catalog/versions/[id]/gpu-offers – add a GPU offer to a draft
import { json } from "@/lib/http";
import { addGpuOffer } from "@/lib/data/catalog-drafts";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await addGpuOffer(user.id, params.id, body), 201);
});
