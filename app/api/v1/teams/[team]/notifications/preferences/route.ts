// GET/PUT /api/v1/teams/[team]/notifications/preferences – what the signed-in member hears about this team by email
import { json } from "@/lib/http";
import { getMyNotificationPrefs, setMyNotificationPrefs } from "@/lib/data/notifications";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user", params: ["team"] }, async ({ params, user }) =>
  json(await getMyNotificationPrefs(user.id, params.team)),
);

export const PUT = route({ auth: "user", params: ["team"] }, async ({ params, user, body }) =>
  json(await setMyNotificationPrefs(user.id, params.team, body)),
);
