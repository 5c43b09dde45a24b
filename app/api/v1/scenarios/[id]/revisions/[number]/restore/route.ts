// POST /api/v1/scenarios/[id]/revisions/[number]/restore – restore an old revision as a new one
import { json } from "@/lib/http";
import { restoreRevision } from "@/lib/data/scenarios";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id", "number"] }, async ({ params, user, body }) => {
  const { id, number } = params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError("validation", "Revision number must be a whole number.", { number: ["must be a whole number ≥ 1"] });
  return json(await restoreRevision(user.id, id, n, body));
});
