// DELETE /api/v1/teams/[team]/invitations/[invitationId] – owners withdraw a pending invitation
import { json } from "@/lib/http";
import { revokeInvitation } from "@/lib/data/members";
import { route } from "@/lib/api/route";

export const DELETE = route({ auth: "user", params: ["team", "invitationId"], body: "none" }, async ({ params, user }) => {
  const { team, invitationId } = params;
  await revokeInvitation(user.id, team, invitationId);
  return json({ ok: true });
});
