// POST /api/v1/catalog/versions/[id]/publish – publish a draft and start re-pricing every saved scenario
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { publishVersion } from "@/lib/data/catalog";
import { startRepricing } from "@/lib/data/repricing";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  const { runId } = await publishVersion(user.id, (await params).id, await readJson(req));
  startRepricing(runId);
  return json({ runId }, 202);
});
