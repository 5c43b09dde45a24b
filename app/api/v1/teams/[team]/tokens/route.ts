// GET  /api/v1/teams/[team]/tokens – the team's API tokens, without their secrets (owners)
// POST /api/v1/teams/[team]/tokens – create one ({ name, access: read|write }); the token is in this response only
import { json } from "@/lib/http";
import { createApiToken, listApiTokens } from "@/lib/data/tokens";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ params, user }) => {
  return json({ tokens: await listApiTokens(user.id, params.team) });
});

export const POST = route({ auth: "user", params: ["team"] }, async ({ params, user, body }) => {
  return json(await createApiToken(user.id, params.team, body), 201);
});
