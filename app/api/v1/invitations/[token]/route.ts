// POST /api/v1/invitations/[token] – the signed-in user accepts an invitation
import { requireSessionUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json } from "@/lib/http";
import { acceptInvitation } from "@/lib/data/members";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ token: string }> }) => {
  assertSameOrigin(req);
  const user = await requireSessionUser(req);
  return json(await acceptInvitation(user.id, (await params).token));
});
