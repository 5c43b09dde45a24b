// GET /api/v1/jobs – background work: re-pricing runs with their batches, and the job queues' counts (administrators)
import { json } from "@/lib/http";
import { listJobs } from "@/lib/data/jobs";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user" }, async ({ user }) => {
  return json(await listJobs(user.id));
});
