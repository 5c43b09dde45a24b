// POST /api/v1/scenarios/[id]/status – move a scenario to draft, proposed, decided or archived
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { setScenarioStatus } from "@/lib/data/scenarios";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await setScenarioStatus(user.id, (await params).id, await readJson(req)));
});
