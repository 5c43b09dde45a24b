// POST /api/signup – create an account and its personal team
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { createUserWithTeam } from "@/lib/data/users";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const { user, team } = await createUserWithTeam(await readJson(req));
  return json({ user: { id: user.id, email: user.email, name: user.name }, team: { slug: team.slug } }, 201);
});
