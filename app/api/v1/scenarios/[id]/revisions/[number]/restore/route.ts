// POST /api/v1/scenarios/[id]/revisions/[number]/restore – restore an old revision as a new one
import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";
import { restoreRevision } from "@/lib/data/scenarios";
import { AppError } from "@/lib/errors";

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string; number: string }> }) => {
  assertSameOrigin(req);
  const user = await requireUser(req);
  const { id, number } = await params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1) throw new AppError("validation", "Revision number must be a whole number.", { number: ["must be a whole number ≥ 1"] });
  return json(await restoreRevision(user.id, id, n, await readJson(req)));
});
