// POST /api/account/verify-email/send – email the signed-in user a link that confirms their address
import { requireSessionUser } from "@/lib/auth/session";
import { sendVerificationEmail } from "@/lib/data/account-links";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const user = await requireSessionUser(req);
  return json(await sendVerificationEmail(user.id, await readJson(req)));
});
