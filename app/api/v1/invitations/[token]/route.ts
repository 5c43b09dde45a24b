// POST /api/v1/invitations/[token] – the signed-in user accepts an invitation
import { json } from "@/lib/http";
import { acceptInvitation } from "@/lib/data/members";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "session", params: ["token"] }, async ({ params, user }) => {
  return json(await acceptInvitation(user.id, params.token));
});
