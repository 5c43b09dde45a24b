// Sends signed-out visitors of app pages to the sign-in page before any page code runs.
// Every page and handler still checks the session and team membership itself.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/signin" } });

export const config = { matcher: ["/t/:path*"] };
