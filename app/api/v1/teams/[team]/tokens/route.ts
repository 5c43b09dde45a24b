// GET  /api/v1/teams/[team]/tokens – the team's API tokens, without their secrets (owners)
// POST /api/v1/teams/[team]/tokens – create one ({ name, access: read|write }); the token is in this response only
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { createApiToken, listApiTokens } from "@/lib/data/tokens";

type Ctx = { params: Promise<{ team: string }> };

export const GET = handle(async (req: Request, { params }: Ctx) => {
  const user = await requireUser(req);
  return json({ tokens: await listApiTokens(user.id, (await params).team) });
});

export const POST = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await createApiToken(user.id, (await params).team, await readJson(req)), 201);
});
