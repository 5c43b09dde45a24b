// POST /api/account/sign-out-everywhere – end every session of your account, on every device
import { requireSessionUser } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/data/users";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const user = await requireSessionUser(req);
  await signOutEverywhere(user.id, await readJson(req));
  return json({ ok: true });
});
