// GET /api/v1/scenarios/[id]/revisions/[number] – one revision: its input, result summary, author and catalog version
import { json } from "@/lib/http";
import { getRevision } from "@/lib/data/scenarios";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["id", "number"] }, async ({ params, user }) => {
  const { id, number } = params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError("validation", "Please correct the highlighted fields.", { number: ["must be a revision number (1, 2, …)"] });
  return json(await getRevision(user.id, id, n));
});
