// GET /api/v1/catalog/runs/[id] – progress of the re-pricing that follows a publish (administrators)
import { json } from "@/lib/http";
import { getRepricingRun } from "@/lib/data/catalog-publish";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["id"] }, async ({ params, user }) => {
  return json(await getRepricingRun(user.id, params.id));
});
