// PATCH  /api/v1/catalog/api-prices/[rowId] – change a row of a draft (published: 409)
// DELETE /api/v1/catalog/api-prices/[rowId] – retire a row from a draft
import { json } from "@/lib/http";
import { retireRow, updateApiPrice } from "@/lib/data/catalog-drafts";
import { route } from "@/lib/api/route";

export const PATCH = route({ auth: "user", params: ["rowId"] }, async ({ params, user, body }) => {
  return json(await updateApiPrice(user.id, params.rowId, body));
});

export const DELETE = route({ auth: "user", params: ["rowId"], body: "none" }, async ({ params, user }) => {
  await retireRow(user.id, "api", params.rowId);
  return json({ ok: true });
});
