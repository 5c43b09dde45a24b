// POST /api/account/sign-out-everywhere – end every session of your account, on every device
import { signOutEverywhere } from "@/lib/data/users";
import { json } from "@/lib/http";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "session" }, async ({ user, body }) => {
  await signOutEverywhere(user.id, body);
  return json({ ok: true });
});
