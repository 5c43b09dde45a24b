// POST /api/v1/scenarios/[id]/duplicate – copy a scenario's current revision into a new scenario
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json } from "@/lib/http";
import { duplicateScenario } from "@/lib/data/scenarios";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  return json(await duplicateScenario(user.id, (await params).id), 201);
});
