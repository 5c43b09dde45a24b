// GET /api/v1/catalog/feeds – price feeds with their latest refreshes; POST – register a feed (administrators)
import { json } from "@/lib/http";
import { createFeed, listFeeds } from "@/lib/data/feeds";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user" }, async ({ user }) => json({ feeds: await listFeeds(user.id) }));

export const POST = route({ auth: "user" }, async ({ user, body }) => json(await createFeed(user.id, body), 201));
