// POST /api/account/password-reset/confirm – set a new password with the token from the emailed link
import { resetPassword } from "@/lib/data/account-links";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  return json(await resetPassword(await readJson(req)));
});
