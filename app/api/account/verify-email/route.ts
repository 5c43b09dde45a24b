// POST /api/account/verify-email – confirm an address with the token from the emailed link
import { verifyEmail } from "@/lib/data/account-links";
import { json } from "@/lib/http";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "public" }, async ({ body }) => {
  return json(await verifyEmail(body));
});
