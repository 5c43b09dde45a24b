// POST /api/v1/scenarios/[id]/duplicate – copy a scenario's current revision into a new scenario
import { json } from "@/lib/http";
import { duplicateScenario } from "@/lib/data/scenarios";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user }) => {
  return json(await duplicateScenario(user.id, params.id), 201);
});
