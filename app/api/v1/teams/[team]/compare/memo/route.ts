// GET /api/v1/teams/[team]/compare/memo?s=id1,id2@3&format=pdf|md&context=…&decision=… – memo of a comparison
import { loadComparisonMemo } from "@/lib/memo/load";
import { memoResponse } from "@/lib/memo/respond";
import { parseInput } from "@/lib/validation/errors";
import { MemoQuerySchema, parseSelection, queryObject } from "@/lib/validation/memo";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ req, params, user }) => {
  const url = new URL(req.url);
  const q = parseInput(MemoQuerySchema.omit({ revision: true }), queryObject(url, ["format", "context", "decision"]));
  const loaded = await loadComparisonMemo(user.id, params.team, parseSelection(url.searchParams.getAll("s").join(",")), q);
  return memoResponse(loaded, q.format, user.id);
});
