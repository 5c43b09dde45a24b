// POST /api/signup – create an account and its personal team, and email a link confirming the address
import { clientAddress, json } from "@/lib/http";
import { createUserWithTeam } from "@/lib/data/users";
import { hitRateLimit } from "@/lib/data/rate-limit";
import { sendVerificationEmail } from "@/lib/data/account-links";
import { env } from "@/lib/env";
import { parseInput } from "@/lib/validation/errors";
import { NextPathSchema } from "@/lib/validation/auth";
import { route } from "@/lib/api/route";

export const POST = route({ auth: "public" }, async ({ req, body }) => {
  // Every try counts, refused ones too: the limit also slows anyone probing which addresses exist.
  await hitRateLimit(`signup:${clientAddress(req.headers)}`, env().SIGNUP_LIMIT_PER_HOUR, 3600_000);
  // Checked before anything is written, so a bad `next` leaves no half-made account.
  const next = parseInput(NextPathSchema, { next: (body as { next?: unknown } | undefined)?.next });
  const { user, team } = await createUserWithTeam(body);
  await sendVerificationEmail(user.id, next);
  return json({ user: { id: user.id, email: user.email, name: user.name }, team: { slug: team.slug } }, 201);
});
