// GET /api/v1/catalog/runs/[id] – progress of the re-pricing that follows a publish (administrators)
import { requireUser } from "@/lib/auth/session";
import { handle, json } from "@/lib/http";
import { getRepricingRun } from "@/lib/data/catalog";

export const GET = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(req);
  return json(await getRepricingRun(user.id, (await params).id));
});
