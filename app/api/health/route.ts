// GET /api/health – liveness for load balancers: answers without touching the database.
// GET /api/health?ready – readiness: also runs one query; 503 while the database is away.
import { checkDatabase } from "@/lib/data/health";
import { json } from "@/lib/http";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "public" }, async ({ req }) => {
  if (!new URL(req.url).searchParams.has("ready")) return json({ status: "ok" });
  await checkDatabase();
  return json({ status: "ok", database: "ok" });
});
