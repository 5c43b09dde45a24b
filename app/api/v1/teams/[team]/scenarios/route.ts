// GET  /api/v1/teams/[team]/scenarios – the team's scenarios
// POST /api/v1/teams/[team]/scenarios – create one from a template or a full input
import { json } from "@/lib/http";
import { createScenario, listScenarios } from "@/lib/data/scenarios";
import { buildTemplate } from "@/lib/catalog/templates";
import { getTeamForMember } from "@/lib/data/teams";
import { priceWithLatestCatalog } from "@/lib/data/catalog-picker";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ params, user }) => {
  const { team } = params;
  await getTeamForMember(user.id, team);
  return json({ scenarios: await listScenarios(user.id, team) });
});

export const POST = route({ auth: "user", params: ["team"] }, async ({ params, user, body }) => {
  const { team } = params;
  const fields = (body ?? {}) as Record<string, unknown>;
  const built = typeof fields.template === "string" ? buildTemplate(fields.template) : null;
  // Templates name their models and GPUs; the prices are the newest published catalog's.
  const template = built ? await priceWithLatestCatalog(built) : null;
  const input = fields.input ?? template;
  const name = fields.name ?? (template as { name?: string } | null)?.name;
  // The fields createScenario's schema knows, named one by one: nothing else of the body passes.
  return json(await createScenario(user.id, team, { name, input, description: fields.description, message: fields.message }), 201);
});
