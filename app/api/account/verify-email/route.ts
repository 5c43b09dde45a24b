// POST /api/account/verify-email – confirm an address with the token from the emailed link
import { verifyEmail } from "@/lib/data/account-links";
import { assertSameOrigin, handle, json, readJson } from "@/lib/http";

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  return json(await verifyEmail(await readJson(req)));
});
