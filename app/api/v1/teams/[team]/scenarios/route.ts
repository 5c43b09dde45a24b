// GET  /api/v1/teams/[team]/scenarios – the team's scenarios
// POST /api/v1/teams/[team]/scenarios – create one from a template or a full input
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { createScenario, listScenarios } from "@/lib/data/scenarios";
import { buildTemplate } from "@/lib/catalog/templates";
import { getTeamForMember } from "@/lib/data/teams";
import { priceWithLatestCatalog } from "@/lib/data/catalog";

type Ctx = { params: Promise<{ team: string }> };

export const GET = handle(async (req: Request, { params }: Ctx) => {
  const user = await requireUser(req);
  const { team } = await params;
  await getTeamForMember(user.id, team);
  return json({ scenarios: await listScenarios(user.id, team) });
});

export const POST = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  const { team } = await params;
  const body = (await readJson(req)) as Record<string, unknown> | undefined;
  const built = typeof body?.template === "string" ? buildTemplate(body.template) : null;
  // Templates name their models and GPUs; the prices are the newest published catalog's.
  const template = built ? await priceWithLatestCatalog(built) : null;
  const input = body?.input ?? template;
  const name = body?.name ?? (template as { name?: string } | null)?.name;
  return json(await createScenario(user.id, team, { ...body, name, input }), 201);
});
