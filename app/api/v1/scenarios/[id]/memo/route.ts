// GET /api/v1/scenarios/[id]/memo?format=pdf|md&revision=N&context=…&decision=… – the decision memo
import { requireUser } from "@/lib/auth/session";
import { handle } from "@/lib/http";
import { loadScenarioMemo } from "@/lib/memo/load";
import { memoResponse } from "@/lib/memo/respond";
import { parseInput } from "@/lib/validation/errors";
import { MemoQuerySchema, queryObject } from "@/lib/validation/memo";

export const GET = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(req);
  const q = parseInput(MemoQuerySchema, queryObject(new URL(req.url), ["format", "revision", "context", "decision"]));
  const loaded = await loadScenarioMemo(user.id, (await params).id, q);
  return memoResponse(loaded, q.format, user.id);
});
