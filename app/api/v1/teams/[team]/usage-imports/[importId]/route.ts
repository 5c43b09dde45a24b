// GET /api/v1/teams/[team]/usage-imports/[importId] – one import: aggregates, bad rows, derived workload
import { json } from "@/lib/http";
import { getUsageImport } from "@/lib/data/usage-imports";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team", "importId"] }, async ({ params, user }) => {
  return json(await getUsageImport(user.id, params.team, params.importId));
});
