// GET /api/v1/scenarios/[id]/revisions – revision history, newest first
import { requireUser } from "@/lib/auth/session";
import { handle, json } from "@/lib/http";
import { listRevisions } from "@/lib/data/scenarios";

export const GET = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(req);
  return json({ revisions: await listRevisions(user.id, (await params).id) });
});
