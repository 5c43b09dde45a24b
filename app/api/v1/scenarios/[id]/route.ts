// GET    /api/v1/scenarios/[id] – the scenario with its current revision (input and result summary)
// PUT    /api/v1/scenarios/[id] – save a new revision; names the version it was based on (409 if stale)
// DELETE /api/v1/scenarios/[id] – archive it ({ baseVersion }; history is kept, 409 if stale)
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { getScenarioById, saveRevision, setScenarioStatus } from "@/lib/data/scenarios";
import { AppError } from "@/lib/errors";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (req: Request, { params }: Ctx) => {
  const user = await requireUser(req);
  const scenario = await getScenarioById(user.id, (await params).id);
  if (!scenario) throw new AppError("not_found", "Scenario not found");
  return json(scenario);
});

export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  const body = (await readJson(req)) as { baseVersion?: unknown } | undefined;
  return json(await setScenarioStatus(user.id, (await params).id, { baseVersion: body?.baseVersion, status: "archived" }));
});

export const PUT = handle(async (req: Request, { params }: Ctx) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  const { id } = await params;
  return json(await saveRevision(user.id, id, await readJson(req)));
});
