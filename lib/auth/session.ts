import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { getActiveUser } from "../data/users";
import { authenticateApiToken } from "../data/tokens";
import { AppError } from "../errors";
import { bearerToken } from "../http";

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getActiveUser>>>;

/** The signed-in user, re-read from the database; null when signed out, deleted or disabled. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions())) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  return getActiveUser(session.userId, session.sessionVersion ?? 0);
}

/** For pages: sends a signed-out visitor to the sign-in page. */
export async function requireUserPage(callbackPath: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/**
 * For route handlers: the user behind the request's bearer token (then limited to the token's
 * team and access) or its session cookie.
 */
export async function requireUser(req?: Request): Promise<Pick<SessionUser, "id" | "email" | "name">> {
  const bearer = req && bearerToken(req);
  if (bearer) return authenticateApiToken(bearer);
  // No token and no cookie: there is no session to look up.
  if (req && !req.headers.get("cookie"))
    throw new AppError("unauthenticated", "Sign in, or send an API token as Authorization: Bearer <token>.");
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  return user;
}

/**
 * For routes that act beyond one team (creating a team, accepting an invitation): a signed-in
 * browser session only. An API token is confined to its own team, so it is refused here.
 */
export async function requireSessionUser(req: Request): Promise<Pick<SessionUser, "id" | "email" | "name">> {
  if (bearerToken(req)) throw new AppError("forbidden", "API tokens act only inside their own team; this needs a signed-in session.");
  return requireUser(req);
}
