// POST /api/v1/scenarios/[id]/reprice – save a new revision at the newest catalog's prices ({ baseVersion }; 409 if stale)
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { saveRepricedRevision } from "@/lib/data/scenarios";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await saveRepricedRevision(user.id, (await params).id, await readJson(req)));
});
