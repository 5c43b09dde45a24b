// GET  /api/v1/scenarios/[id]/comments – the discussion of a scenario
// POST /api/v1/scenarios/[id]/comments – add a comment (any member, viewers included)
import { json } from "@/lib/http";
import { addComment, listComments } from "@/lib/data/comments";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["id"] }, async ({ params, user }) => {
  return json({ comments: await listComments(user.id, params.id) });
});

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await addComment(user.id, params.id, body), 201);
});
