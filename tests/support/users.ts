// Accounts for tests that are past sign-up: their address confirmed, as the emailed link would.
import { getDb } from "../../lib/db";
import { createUserWithTeam } from "../../lib/data/users";

export async function signUpVerified(raw: Parameters<typeof createUserWithTeam>[0]) {
  const created = await createUserWithTeam(raw);
  await getDb().user.update({ where: { id: created.user.id }, data: { emailVerifiedAt: new Date() } });
  return created;
}
