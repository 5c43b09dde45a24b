// DELETE /api/v1/teams/[team]/tokens/[tokenId] – revoke a token (owners); it stops working at once
import { json } from "@/lib/http";
import { revokeApiToken } from "@/lib/data/tokens";
import { route } from "@/lib/api/route";

export const DELETE = route({ auth: "user", params: ["team", "tokenId"], body: "none" }, async ({ params, user }) => {
  const { team, tokenId } = params;
  await revokeApiToken(user.id, team, tokenId);
  return json({ ok: true });
});
