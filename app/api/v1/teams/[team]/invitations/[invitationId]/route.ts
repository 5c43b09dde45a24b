// DELETE /api/v1/teams/[team]/invitations/[invitationId] – owners withdraw a pending invitation
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json } from "@/lib/http";
import { revokeInvitation } from "@/lib/data/members";

export const DELETE = handle(async (req: Request, { params }: { params: Promise<{ team: string; invitationId: string }> }) => {
  assertSameOrigin(req, { json: false });
  const user = await requireUser(req);
  const { team, invitationId } = await params;
  await revokeInvitation(user.id, team, invitationId);
  return json({ ok: true });
});
