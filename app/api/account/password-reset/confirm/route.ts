// POST /api/account/password-reset/confirm – set a new password with the token from the emailed link
import { resetPassword } from "@/lib/data/account-links";
import { json } from "@/lib/http";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "public" }, async ({ body }) => {
  return json(await resetPassword(body));
});
