// GET  /api/v1/scenarios/[id]/comments – the discussion of a scenario
// POST /api/v1/scenarios/[id]/comments – add a comment (any member, viewers included)
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { addComment, listComments } from "@/lib/data/scenarios";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (req: Request, { params }: Ctx) => {
  const user = await requireUser(req);
  return json({ comments: await listComments(user.id, (await params).id) });
});

export const POST = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await addComment(user.id, (await params).id, await readJson(req)), 201);
});
