// GET /api/v1/teams/[team]/notifications – the team's outbox: messages written about price changes and whether they went out (owners)
import { json } from "@/lib/http";
import { listOutbox } from "@/lib/data/notifications";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ params, user }) =>
  json({ notifications: await listOutbox(user.id, params.team) }),
);
