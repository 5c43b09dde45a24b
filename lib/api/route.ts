import "server-only";
// Every route handler is written through route(): it checks the origin of every write (CSRF),
// authenticates the caller, types the params and reads the JSON body with the limits and
// hostile-text checks of readJson. Authorization and the schema stay in the data layer, which
// checks the caller's role first and parses the body after, inside one transaction.
import { requireSessionUser, requireUser } from "../auth/session";
import { assertSameOrigin, handle, readJson } from "../http";

/** public: anyone; user: a session or a team API token; session: a signed-in browser only. */
type Auth = "public" | "user" | "session";
type Caller = Awaited<ReturnType<typeof requireUser>>;

export type RouteInput<K extends string, A extends Auth> = {
  req: Request;
  params: Record<K, string>;
  user: A extends "public" ? null : Caller;
  body: unknown;
};

/** `params` names the route's dynamic segments, so the handler's params are typed from them. */
export function route<const K extends string = never, A extends Auth = Auth>(
  opts: { auth: A; params?: readonly K[]; body?: "json" | "none" },
  fn: (input: RouteInput<K, A>) => Promise<Response>,
) {
  type P = Record<K, string>;
  return handle(async (req: Request, ctx?: { params: Promise<P> }) => {
    const write = req.method !== "GET" && req.method !== "HEAD";
    const body = write ? (opts.body ?? "json") : "none";
    if (write) assertSameOrigin(req, { json: body === "json" });
    const user = (
      opts.auth === "public" ? null : opts.auth === "session" ? await requireSessionUser(req) : await requireUser(req)
    ) as RouteInput<K, A>["user"];
    const params = ctx ? await ctx.params : ({} as P);
    return fn({ req, params, user, body: body === "json" ? await readJson(req) : undefined });
  });
}
