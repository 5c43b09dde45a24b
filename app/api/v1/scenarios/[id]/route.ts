// PUT /api/v1/scenarios/[id] – save a new revision; names the version it was based on (409 if stale)
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { saveRevision } from "@/lib/data/scenarios";

type Ctx = { params: Promise<{ id: string }> };

export const PUT = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req);
  const user = await requireUser();
  const { id } = await params;
  return json(await saveRevision(user.id, id, await readJson(req)));
});
