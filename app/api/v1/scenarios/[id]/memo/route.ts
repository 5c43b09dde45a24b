// GET /api/v1/scenarios/[id]/memo?format=pdf|md&revision=N&context=…&decision=… – the decision memo
import { loadScenarioMemo } from "@/lib/memo/load";
import { memoResponse } from "@/lib/memo/respond";
import { parseInput } from "@/lib/validation/errors";
import { MemoQuerySchema, queryObject } from "@/lib/validation/memo";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["id"] }, async ({ req, params, user }) => {
  const q = parseInput(MemoQuerySchema, queryObject(new URL(req.url), ["format", "revision", "context", "decision"]));
  const loaded = await loadScenarioMemo(user.id, params.id, q);
  return memoResponse(loaded, q.format, user.id);
});
