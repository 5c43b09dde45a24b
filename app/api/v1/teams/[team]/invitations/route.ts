// GET  /api/v1/teams/[team]/invitations – owners list the pending invitations
// POST /api/v1/teams/[team]/invitations – owners create a single-use invitation link, emailed to the invitee
import { json } from "@/lib/http";
import { createInvitation, listInvitations } from "@/lib/data/members";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["team"] }, async ({ params, user, body }) => {
  return json(await createInvitation(user.id, params.team, body), 201);
});

export const GET = route({ auth: "user", params: ["team"] }, async ({ params, user }) => {
  return json(await listInvitations(user.id, params.team));
});
