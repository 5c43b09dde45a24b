// POST /api/v1/catalog/versions/[id]/publish – publish a draft and start re-pricing every saved scenario
import { json } from "@/lib/http";
import { publishVersion } from "@/lib/data/catalog-publish";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  const { runId } = await publishVersion(user.id, params.id, body);
  return json({ runId }, 202);
});
