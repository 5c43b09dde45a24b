// POST /api/v1/scenarios/[id]/reprice – save a new revision at the newest catalog's prices ({ baseVersion }; 409 if stale)
import { json } from "@/lib/http";
import { saveRepricedRevision } from "@/lib/data/scenarios";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await saveRepricedRevision(user.id, params.id, body));
});
