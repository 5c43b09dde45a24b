// POST /api/v1/teams – create a team with the caller as owner
import { requireSessionUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { createTeam } from "@/lib/data/members";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const user = await requireSessionUser(req);
  return json(await createTeam(user.id, await readJson(req)), 201);
});
