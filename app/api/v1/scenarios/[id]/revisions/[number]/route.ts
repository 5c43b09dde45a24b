// GET /api/v1/scenarios/[id]/revisions/[number] – one revision: its input, result summary, author and catalog version
import { requireUser } from "@/lib/auth/session";
import { handle, json } from "@/lib/http";
import { getRevision } from "@/lib/data/scenarios";
import { AppError } from "@/lib/errors";

export const GET = handle(async (req: Request, { params }: { params: Promise<{ id: string; number: string }> }) => {
  const user = await requireUser(req);
  const { id, number } = await params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1) throw new AppError("validation", "Please correct the highlighted fields.", { number: ["must be a revision number (1, 2, …)"] });
  return json(await getRevision(user.id, id, n));
});
