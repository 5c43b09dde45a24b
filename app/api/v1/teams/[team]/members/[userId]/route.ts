// PATCH  /api/v1/teams/[team]/members/[userId] – change a member's role, or suspend/restore their access (owners)
// DELETE /api/v1/teams/[team]/members/[userId] – remove a member (owners), or leave (yourself)
import { json } from "@/lib/http";
import { updateMember, removeMember } from "@/lib/data/members";
import { route } from "@/lib/api/route";

export const PATCH = route({ auth: "user", params: ["team", "userId"] }, async ({ params, user, body }) => {
  const { team, userId } = params;
  return json(await updateMember(user.id, team, userId, body));
});

export const DELETE = route({ auth: "user", params: ["team", "userId"], body: "none" }, async ({ params, user }) => {
  const { team, userId } = params;
  await removeMember(user.id, team, userId);
  return json({ ok: true });
});
