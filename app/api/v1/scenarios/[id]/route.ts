// GET    /api/v1/scenarios/[id] – the scenario with its current revision (input and result summary)
// PUT    /api/v1/scenarios/[id] – save a new revision; names the version it was based on (409 if stale)
// PATCH  /api/v1/scenarios/[id] – rename it or change its description ({ baseVersion, name, description }; 409 if stale)
// DELETE /api/v1/scenarios/[id] – archive it ({ baseVersion }; history is kept, 409 if stale)
import { json } from "@/lib/http";
import { getScenarioById, renameScenario, saveRevision, setScenarioStatus } from "@/lib/data/scenarios";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["id"] }, async ({ params, user }) => {
  const scenario = await getScenarioById(user.id, params.id);
  if (!scenario) throw new AppError("not_found", "Scenario not found");
  return json(scenario);
});

export const DELETE = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  const { baseVersion } = (body ?? {}) as { baseVersion?: unknown };
  return json(await setScenarioStatus(user.id, params.id, { baseVersion, status: "archived" }));
});

export const PUT = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await saveRevision(user.id, params.id, body));
});

export const PATCH = route({ auth: "user", params: ["id"] }, async ({ params, user, body }) => {
  return json(await renameScenario(user.id, params.id, body));
});
