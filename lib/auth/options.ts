// next-auth configuration: Credentials (email + password) always; GitHub and a generic OpenID
// Connect provider when their environment variables are set. JWT sessions (required by
// Credentials); every request re-checks the user against the database (lib/auth/session.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { Provider } from "next-auth/providers/index";
import { env } from "../env";
import { isDatabaseUnreachable } from "../errors";
import { verifyPassword } from "./password";
import { SignInSchema } from "../validation/auth";
import { endAllSessions, getUserForSignIn, getActiveUser, linkOAuthUser } from "../data/users";
import { beginSignInAttempt, recordSignInFailure, recordSignInSuccess } from "../data/sign-in-throttle";
import { clientAddress } from "../http";

const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

function providers(): Provider[] {
  const e = env();
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        // While this client must wait, the password is not even checked (next-auth passes the
        // message on as ?error=…; the sign-in form explains it with the seconds left).
        const client = clientAddress(req?.headers ?? {});
        const gate = await beginSignInAttempt(parsed.data.email, client);
        if (!gate.allowed) throw new Error(`TooManyAttempts:${gate.retryAfterSeconds}`);
        const user = await getUserForSignIn(parsed.data.email);
        const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !ok) {
          await recordSignInFailure(client);
          return null;
        }
        await recordSignInSuccess(parsed.data.email, client);
        if (user.disabled) return null;
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    list.push({
      id: "oidc",
      name: e.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      idToken: true,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state"],
      profile: (p: { sub: string; email: string; name?: string }) => ({ id: p.sub, email: p.email, name: p.name ?? p.email }),
    });
  }
  return list;
}

/**
 * Whether the identity provider vouches for the email it sent: OpenID Connect says so in its
 * email_verified claim; the public or primary address GitHub hands next-auth is one GitHub has
 * had its owner verify.
 */
function providerVouches(provider: string, profile: unknown): boolean {
  if (provider === "github") return true;
  return (profile as { email_verified?: unknown } | undefined)?.email_verified === true;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin" },
    providers: providers(),
    // Signing out ends the session on the server too: a copy of the cookie stops working. The
    // session version is per account, so this signs the person out on every device.
    events: {
      async signOut({ token }) {
        if (typeof token?.uid === "string") await endAllSessions(token.uid);
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        if (!user.email) return "/signin?error=OAuthNoEmail";
        const linked = await linkOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email,
          name: user.name ?? user.email,
          emailVerified: providerVouches(account.provider, profile),
        });
        if (linked === "disabled") return "/signin?error=AccountDisabled";
        if (linked === "unverified-email") return "/signin?error=OAuthUnverifiedEmail";
        Object.assign(user, { id: linked.id, sessionVersion: linked.sessionVersion });
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        } else if (typeof token.uid === "string") {
          // A deleted, disabled or signed-out-everywhere user loses the session. While the
          // database cannot be reached the session stands: the request's own queries fail with
          // 503 instead of the user being told to sign in again.
          try {
            const active = await getActiveUser(token.uid, Number(token.sv ?? 0));
            if (!active) token.uid = undefined;
          } catch (error) {
            if (!isDatabaseUnreachable(error)) throw error;
          }
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: typeof token.uid === "string" ? token.uid : undefined, sessionVersion: Number(token.sv ?? 0) };
      },
    },
  };
}
