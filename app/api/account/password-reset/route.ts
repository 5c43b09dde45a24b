// POST /api/account/password-reset – email a reset link (the answer never says whether the address has an account)
import { requestPasswordReset } from "@/lib/data/account-links";
import { clientAddress, json } from "@/lib/http";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "public" }, async ({ req, body }) => {
  await requestPasswordReset(body, clientAddress(req.headers));
  return json(
    { ok: true, message: "If an account uses this address, we sent it a link to choose a new password. The link works for one hour." },
    202,
  );
});
