// POST /api/account/password – change your password (current one required); every session ends
import { changePassword } from "@/lib/data/users";
import { json } from "@/lib/http";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "session" }, async ({ user, body }) => {
  await changePassword(user.id, body);
  return json({ ok: true });
});
