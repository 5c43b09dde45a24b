// POST /api/v1/catalog/runs/[id]/retry – a failed re-pricing run again: its failed batches are worked anew (administrators)
import { json } from "@/lib/http";
import { retryRepricingRun } from "@/lib/data/jobs";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "user", params: ["id"], body: "none" }, async ({ params, user }) => {
  return json(await retryRepricingRun(user.id, params.id), 202);
});
