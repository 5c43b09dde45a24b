// GET /api/v1/scenarios/[id]/revisions – revision history, newest first
import { json } from "@/lib/http";
import { listRevisions } from "@/lib/data/scenarios";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["id"] }, async ({ params, user }) => {
  return json({ revisions: await listRevisions(user.id, params.id) });
});
