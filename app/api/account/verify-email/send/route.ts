// POST /api/account/verify-email/send – email the signed-in user a link that confirms their address
import { sendVerificationEmail } from "@/lib/data/account-links";
import { json } from "@/lib/http";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "session" }, async ({ user, body }) => {
  return json(await sendVerificationEmail(user.id, body));
});
