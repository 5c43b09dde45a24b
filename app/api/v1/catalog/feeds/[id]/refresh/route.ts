// POST /api/v1/catalog/feeds/[id]/refresh – fetch a feed now, as a job (administrators)
import { json } from "@/lib/http";
import { refreshFeedNow } from "@/lib/data/feeds";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"], body: "none" }, async ({ params, user }) =>
  json(await refreshFeedNow(user.id, params.id), 202),
);
