// PUT /api/v1/catalog/feeds/[id] – change a feed (every field); DELETE – remove it and its schedule (administrators)
import { json } from "@/lib/http";
import { deleteFeed, updateFeed } from "@/lib/data/feeds";
import { route } from "@/lib/api/route";

export const PUT = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) =>
  json(await updateFeed(user.id, params.id, body)),
);

export const DELETE = route({ auth: "user", params: ["id"], body: "none" }, async ({ params, user }) => {
  await deleteFeed(user.id, params.id);
  return json({ ok: true });
});
