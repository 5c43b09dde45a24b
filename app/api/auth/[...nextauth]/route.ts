// GET|POST /api/auth/* – next-auth (sign-in, sign-out, session, CSRF token, OAuth callbacks)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };
