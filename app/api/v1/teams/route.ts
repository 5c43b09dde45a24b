// POST /api/v1/teams – create a team with the caller as owner
import { json } from "@/lib/http";
import { createTeam } from "@/lib/data/members";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "session" }, async ({ user, body }) => {
  return json(await createTeam(user.id, body), 201);
});
