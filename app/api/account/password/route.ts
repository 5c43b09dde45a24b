// POST /api/account/password – change your password (current one required); every session ends
import { requireSessionUser } from "@/lib/auth/session";
import { changePassword } from "@/lib/data/users";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const user = await requireSessionUser(req);
  await changePassword(user.id, await readJson(req));
  return json({ ok: true });
});
