// GET/PUT /api/v1/teams/[team]/webhook – the team's webhook for price changes and its signing secret (owners)
import { json } from "@/lib/http";
import { getWebhook, setWebhook } from "@/lib/data/notifications";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ params, user }) => json(await getWebhook(user.id, params.team)));

export const PUT = route({ auth: "user", params: ["team"] }, async ({ params, user, body }) =>
  json(await setWebhook(user.id, params.team, body)),
);
