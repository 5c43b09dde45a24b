// POST /api/account/password-reset – email a reset link (the answer never says whether the address has an account)
import { requestPasswordReset } from "@/lib/data/account-links";
import { assertSameOrigin, clientAddress, handle, json, readJson } from "@/lib/http";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  await requestPasswordReset(await readJson(req), clientAddress(req.headers));
  return json({ ok: true, message: "If an account uses this address, we sent it a link to choose a new password. The link works for one hour." }, 202);
});
