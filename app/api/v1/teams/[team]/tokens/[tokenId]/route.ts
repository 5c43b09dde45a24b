// DELETE /api/v1/teams/[team]/tokens/[tokenId] – revoke a token (owners); it stops working at once
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json } from "@/lib/http";
import { revokeApiToken } from "@/lib/data/tokens";

export const DELETE = handle(async (req: Request, { params }: { params: Promise<{ team: string; tokenId: string }> }) => {
  assertSameOrigin(req, { json: false });
  const user = await requireUser(req);
  const { team, tokenId } = await params;
  await revokeApiToken(user.id, team, tokenId);
  return json({ ok: true });
});
