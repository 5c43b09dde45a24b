// POST /api/v1/teams/[team]/usage-imports/[importId]/apply – the derived workload as a new
// scenario or a new revision: { target, models?, requestsPerMonth?, acceptBadRows? }
import { json } from "@/lib/http";
import { applyUsageImport } from "@/lib/data/usage-imports";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["team", "importId"] }, async ({ params, user, body }) => {
  return json(await applyUsageImport(user.id, params.team, params.importId, body), 201);
});
