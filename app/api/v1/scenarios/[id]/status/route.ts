// POST /api/v1/scenarios/[id]/status – move a scenario to draft, proposed, decided or archived
import { json } from "@/lib/http";
import { setScenarioStatus } from "@/lib/data/scenarios";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await setScenarioStatus(user.id, params.id, body));
});
