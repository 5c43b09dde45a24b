// The authorization matrix, generated and run against the live server: every route handler
// and page found on disk × every kind of caller, with the outcome the access rules predict.
// A route added without an entry here fails the coverage test; an outcome that differs from
// the prediction fails the matrix and is listed with its route, caller and body.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { test, expect, emailedLink } from "./fixtures";

const BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const chatExample = JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));

const CALLERS = [
  "owner",
  "editor",
  "viewer",
  "outsider",
  "catalog admin",
  "signed out",
  "read token",
  "write token",
  "cross-site",
] as const;
type Caller = (typeof CALLERS)[number];
type TeamRole = "viewer" | "editor" | "owner";
const RANK: Record<TeamRole, number> = { viewer: 0, editor: 1, owner: 2 };

/**
 * Who may call a route:
 * - public: anyone; signed-in: any authenticated caller, API tokens included;
 * - session: signed-in browser sessions only (acts beyond one team, so tokens are refused);
 * - admin: instance catalog administrators (ADMIN_EMAILS), never tokens; admin-hidden: the
 *   same, but hidden (404) from everyone else;
 * - viewer / editor / owner: members of the team with at least that role; other signed-in
 *   callers get 404 (ids cannot be probed); a token acts with at most its access.
 * Pages add guest (the sign-in and sign-up forms; signed-in users are sent on to their team)
 * and redirect (always a redirect), and answer 404 where a handler would answer 403.
 */
type Access = "guest" | "public" | "signed-in" | "session" | "admin" | "admin-hidden" | TeamRole | "redirect";

type Upload = { name: string; mimeType: string; buffer: Buffer };
type Request = { path: string; body?: unknown; multipart?: Record<string, string | Upload> };
type Entry = {
  route: string; // the file's route pattern, e.g. /api/v1/scenarios/[id]
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  access: Access;
  ok: number;
  note?: string;
  /** Builds the request for one caller; may create fresh resources so each call is valid. */
  build: (caller: Caller) => Promise<Request> | Request;
  /** For redirects: where the caller must be sent. */
  location?: RegExp;
  /** After a refused call: the check that nothing changed. */
  unchanged?: (req: Request) => Promise<void>;
};

function expected(e: Entry, caller: Caller, page: boolean): number {
  const write = e.method !== "GET";
  if (e.access === "redirect") return e.ok;
  if (caller === "cross-site") return write ? 403 : expected(e, "owner", page);
  if (e.access === "public") return e.ok;
  const token: TeamRole | null = caller === "read token" ? "viewer" : caller === "write token" ? "editor" : null;
  if (e.access === "guest") return caller === "signed out" || token ? e.ok : 307;
  if (caller === "signed out" || (page && token)) return page ? 307 : 401;
  const denied = page ? 404 : 403;
  switch (e.access) {
    case "signed-in":
      return e.ok;
    case "session":
      return token ? 403 : e.ok;
    case "admin":
      return caller === "catalog admin" ? e.ok : 403;
    case "admin-hidden":
      return caller === "catalog admin" ? e.ok : 404;
    default: {
      if (caller === "outsider" || caller === "catalog admin") return 404;
      if (token === "viewer" && write) return 403;
      const acting = token ?? (caller as TeamRole);
      return RANK[acting] >= RANK[e.access] ? e.ok : denied;
    }
  }
}

// ---- What exists on disk -----------------------------------------------------------------

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}
const routePattern = (file: string) => "/" + relative("app", file).split(sep).slice(0, -1).join("/");

function handlersOnDisk(): string[] {
  return walk("app")
    .filter((f) => f.endsWith(`${sep}route.ts`))
    .flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/(?:export const|as) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${routePattern(f)}`),
    )
    .sort();
}
const pagesOnDisk = () =>
  walk("app")
    .filter((f) => f.endsWith(`${sep}page.tsx`))
    .map((f) => routePattern(f).replace(/^\/$/, "") || "/")
    .map((p) => (p === "" ? "/" : p))
    .sort();

// ---- Callers -----------------------------------------------------------------------------

const ORIGIN = { origin: BASE_URL };

async function newContext(headers: Record<string, string> = ORIGIN): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: headers });
}

async function signUpAndIn(
  name: string,
  fixedEmail?: string,
): Promise<{ ctx: APIRequestContext; email: string; password: string; team: string; userId: string }> {
  const id = randomBytes(4).toString("hex");
  const email = fixedEmail ?? `matrix-${name.replace(/\W/g, "")}-${id}@example.com`;
  const password = `pw-${id}-long-enough`;
  const ctx = await newContext();
  const since = new Date();
  const res = await ctx.post("/api/signup", { data: { name: `Matrix ${name}`, email, password } });
  expect(res.status(), await res.text()).toBe(201);
  const body = await res.json();
  // Confirm the address, as the emailed link does: invitations bound to it and ADMIN_EMAILS need that.
  await ok(
    ctx.post("/api/account/verify-email", {
      data: { token: (await emailedLink(email, /Confirm your email/, since)).searchParams.get("token") },
    }),
    `confirm ${email}`,
  );
  await signIn(ctx, email, password);
  return { ctx, email, password, team: body.team.slug, userId: body.user.id };
}

/** next-auth's credentials sign-in, as the browser form does it. */
async function signIn(ctx: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: BASE_URL },
  });
  expect(res.ok(), `sign-in of ${email}`).toBe(true);
  const session = await (await ctx.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
}

async function ok<T = Record<string, unknown>>(res: Promise<APIResponse>, what: string): Promise<T> {
  const r = await res;
  expect(r.ok(), `${what}: ${r.status()} ${await r.text()}`).toBe(true);
  return r.json() as Promise<T>;
}

// ---- The matrix ----------------------------------------------------------------------------

test("security matrix: every route × every caller answers as the access rules predict", async () => {
  test.setTimeout(300_000);

  // Team T: an owner, an editor, a viewer, spare members to change and remove.
  const owner = await signUpAndIn("owner");
  const T = owner.team;
  const join = async (role: TeamRole, label: string) => {
    const user = await signUpAndIn(label);
    const inv = await ok<{ token: string }>(
      owner.ctx.post(`/api/v1/teams/${T}/invitations`, { data: { email: user.email, role } }),
      "invite",
    );
    await ok(user.ctx.post(`/api/v1/invitations/${inv.token}`, { data: {} }), "accept");
    return user;
  };
  const editor = await join("editor", "editor");
  const viewer = await join("viewer", "viewer");
  const spare = await join("viewer", "spare");
  const outsider = await signUpAndIn("outsider");
  // Another team whose invitations the accept-invitation route consumes, one per caller.
  const host = await signUpAndIn("host");

  // A catalog administrator of its own (scripts/bin/e2e-server.sh lists it in ADMIN_EMAILS), so the
  // teams and invitations it creates here stay out of the demo user's workspace.
  const admin = await signUpAndIn("admin", "matrix-admin@example.com");

  const tokenFor = async (access: "read" | "write", name: string = access) =>
    ok<{ id: string; token: string }>(owner.ctx.post(`/api/v1/teams/${T}/tokens`, { data: { name, access } }), "token");
  const readToken = await tokenFor("read");
  const writeToken = await tokenFor("write");
  const usageForm = () => ({
    format: "generic",
    file: { name: "usage.csv", mimeType: "text/csv", buffer: readFileSync("lib/usage/fixtures/generic-usage.csv") },
  });
  const usageImport = await ok<{ id: string }>(
    owner.ctx.post(`/api/v1/teams/${T}/usage-imports`, { multipart: usageForm() }),
    "usage import",
  );

  const contexts: Record<Caller, APIRequestContext> = {
    owner: owner.ctx,
    editor: editor.ctx,
    viewer: viewer.ctx,
    outsider: outsider.ctx,
    "catalog admin": admin.ctx,
    "signed out": await newContext(),
    "read token": await newContext({ ...ORIGIN, authorization: `Bearer ${readToken.token}` }),
    "write token": await newContext({ ...ORIGIN, authorization: `Bearer ${writeToken.token}` }),
    "cross-site": await playwrightRequest.newContext({
      baseURL: BASE_URL,
      storageState: await owner.ctx.storageState(),
      extraHTTPHeaders: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    }),
  };

  // Resources of team T.
  const input = structuredClone(chatExample);
  const newScenario = async (name = "Matrix scenario") =>
    ok<{ id: string; version: number }>(owner.ctx.post(`/api/v1/teams/${T}/scenarios`, { data: { name, input } }), "scenario");
  const S = await newScenario("Kept");
  const S2 = await newScenario("Second");
  const scenarioVersion = async (id: string) =>
    (await ok<{ version: number }>(owner.ctx.get(`/api/v1/scenarios/${id}`), "read back")).version;
  const unchangedScenario = (id: string, version: number) => async () =>
    expect(await scenarioVersion(id), `scenario ${id} unchanged`).toBe(version);
  // A scenario whose first API price is off the catalog, so re-pricing has something to change.
  const stalePriced = async () => {
    const stale = structuredClone(input);
    stale.apiOptions[0].prices.inputPerM += 1;
    return ok<{ id: string; version: number }>(
      owner.ctx.post(`/api/v1/teams/${T}/scenarios`, { data: { name: "Stale prices", input: stale } }),
      "stale scenario",
    );
  };

  // Catalog: a published version and a draft with rows to edit and retire.
  const versions = await ok<{ versions: { id: string; published: boolean; repricingRuns: { id: string }[] }[] }>(
    admin.ctx.get("/api/v1/catalog/versions"),
    "versions",
  );
  const published = versions.versions.find((v) => v.published)!;
  const newDraft = async () =>
    ok<{ id: string }>(
      admin.ctx.post("/api/v1/catalog/versions", {
        data: { label: `Matrix ${randomBytes(3).toString("hex")}`, effectiveDate: "2026-12-01" },
      }),
      "draft",
    );
  const draft = await newDraft();
  const draftRows = await ok<{ apiPrices: { id: string }[]; gpuOffers: { id: string }[] }>(
    admin.ctx.get(`/api/v1/catalog/versions/${draft.id}`),
    "draft rows",
  );
  const run = versions.versions.flatMap((v) => v.repricingRuns)[0]?.id;
  const apiRow = (c: Caller) => draftRows.apiPrices[CALLERS.indexOf(c)].id;
  const gpuRow = (c: Caller) => draftRows.gpuOffers[CALLERS.indexOf(c)].id;
  const gpuOffer = {
    provider: "Matrix cloud",
    gpuType: "L40S",
    memoryGb: 48,
    bandwidthGbS: 864,
    bf16Tflops: 362,
    pricePerGpuHour: 1,
    sourceUrl: "https://example.com",
    checkedAt: "2026-12-01",
  };
  const apiPrice = {
    provider: "Matrix AI",
    model: "m-1",
    inputPerM: 1,
    outputPerM: 2,
    sourceUrl: "https://example.com",
    checkedAt: "2026-12-01",
  };
  const csv = {
    format: "gpu-csv",
    text: "provider,gpu_type,price_per_gpu_hour\nMatrix cloud,L40S,1.1",
    sourceUrl: "https://example.com/prices",
  };

  const entries: Entry[] = [
    // Public
    {
      route: "/api/signup",
      method: "POST",
      access: "public",
      ok: 201,
      build: () => ({
        path: "/api/signup",
        body: { name: "New", email: `matrix-new-${randomBytes(4).toString("hex")}@example.com`, password: "a long enough password" },
      }),
    },
    {
      route: "/api/auth/[...nextauth]",
      method: "GET",
      access: "public",
      ok: 200,
      note: "next-auth's own handler; its POST sign-in is exercised by signing in above",
      build: () => ({ path: "/api/auth/csrf" }),
    },
    {
      route: "/api/auth/[...nextauth]",
      method: "POST",
      access: "redirect",
      ok: 302,
      location: /csrf=true/,
      note: "a sign-in without next-auth's CSRF token is refused for everyone (its own double-submit check)",
      build: () => ({ path: "/api/auth/callback/credentials", body: { email: "demo@breakeven.local", password: "breakeven-demo" } }),
    },
    {
      route: "/api/health",
      method: "GET",
      access: "public",
      ok: 200,
      note: "readiness, with a database query",
      build: () => ({ path: "/api/health?ready" }),
    },
    {
      route: "/api/account/password-reset",
      method: "POST",
      access: "public",
      ok: 422,
      note: "not an address: refused alike for everyone, before any limit counts it",
      build: () => ({ path: "/api/account/password-reset", body: { email: "not an address" } }),
    },
    {
      route: "/api/account/password-reset/confirm",
      method: "POST",
      access: "public",
      ok: 422,
      note: "a made-up link token",
      build: () => ({
        path: "/api/account/password-reset/confirm",
        body: { token: "x".repeat(43), newPassword: "a fresh phrase for nobody" },
      }),
    },
    {
      route: "/api/account/verify-email",
      method: "POST",
      access: "public",
      ok: 422,
      note: "a made-up link token",
      build: () => ({ path: "/api/account/verify-email", body: { token: "y".repeat(43) } }),
    },
    { route: "/api/v1/openapi.json", method: "GET", access: "public", ok: 200, build: () => ({ path: "/api/v1/openapi.json" }) },
    // Any authenticated caller
    {
      route: "/api/v1/evaluate",
      method: "POST",
      access: "signed-in",
      ok: 200,
      note: "stateless: a read token may evaluate",
      build: () => ({ path: "/api/v1/evaluate", body: { input, monteCarloSamples: 0 } }),
    },
    { route: "/api/v1/catalog/current", method: "GET", access: "signed-in", ok: 200, build: () => ({ path: "/api/v1/catalog/current" }) },
    {
      route: "/api/v1/catalog/history",
      method: "GET",
      access: "signed-in",
      ok: 200,
      build: () => ({ path: "/api/v1/catalog/history?kind=api&provider=OpenAI&model=GPT-4o-mini" }),
    },
    { route: "/api/v1/catalog/versions", method: "GET", access: "signed-in", ok: 200, build: () => ({ path: "/api/v1/catalog/versions" }) },
    {
      route: "/api/v1/catalog/versions/[id]",
      method: "GET",
      access: "signed-in",
      ok: 200,
      note: "a published version",
      build: () => ({ path: `/api/v1/catalog/versions/${published.id}` }),
    },
    {
      route: "/api/v1/catalog/versions/[id]",
      method: "GET",
      access: "admin-hidden",
      ok: 200,
      note: "a draft",
      build: () => ({ path: `/api/v1/catalog/versions/${draft.id}` }),
    },
    // Browser sessions only
    {
      route: "/api/v1/teams",
      method: "POST",
      access: "session",
      ok: 201,
      build: () => ({ path: "/api/v1/teams", body: { name: "Matrix extra team" } }),
    },
    {
      route: "/api/account/password",
      method: "POST",
      access: "session",
      ok: 422,
      note: "a wrong current password: refused, so no caller's session ends mid-matrix",
      build: () => ({ path: "/api/account/password", body: { currentPassword: "not my password", newPassword: "a brand new phrase" } }),
    },
    {
      route: "/api/account/verify-email/send",
      method: "POST",
      access: "session",
      ok: 200,
      note: "the caller's address is already confirmed: nothing is sent",
      build: () => ({ path: "/api/account/verify-email/send", body: {} }),
    },
    {
      route: "/api/account/sign-out-everywhere",
      method: "POST",
      access: "session",
      ok: 422,
      note: "without the typed confirmation: refused, so no caller's session ends mid-matrix",
      build: () => ({ path: "/api/account/sign-out-everywhere", body: { confirm: "no" } }),
    },
    {
      route: "/api/v1/invitations/[token]",
      method: "POST",
      access: "session",
      ok: 200,
      note: "invitations to another team, one per caller",
      build: async () => {
        const inv = await ok<{ token: string }>(
          host.ctx.post(`/api/v1/teams/${host.team}/invitations`, {
            data: { email: "anyone@example.com", role: "viewer", anyoneWithLink: true },
          }),
          "host invite",
        );
        return { path: `/api/v1/invitations/${inv.token}` };
      },
    },
    // Catalog administrators
    {
      route: "/api/v1/catalog/versions",
      method: "POST",
      access: "admin",
      ok: 201,
      build: () => ({
        path: "/api/v1/catalog/versions",
        body: { label: `Matrix draft ${randomBytes(3).toString("hex")}`, effectiveDate: "2026-12-01" },
      }),
    },
    {
      route: "/api/v1/catalog/versions/[id]",
      method: "DELETE",
      access: "admin",
      ok: 200,
      build: async () => ({ path: `/api/v1/catalog/versions/${(await newDraft()).id}` }),
    },
    {
      route: "/api/v1/catalog/versions/[id]/api-prices",
      method: "POST",
      access: "admin",
      ok: 201,
      build: () => ({
        path: `/api/v1/catalog/versions/${draft.id}/api-prices`,
        body: { ...apiPrice, model: `m-${randomBytes(3).toString("hex")}` },
      }),
    },
    {
      route: "/api/v1/catalog/versions/[id]/gpu-offers",
      method: "POST",
      access: "admin",
      ok: 201,
      build: () => ({
        path: `/api/v1/catalog/versions/${draft.id}/gpu-offers`,
        body: { ...gpuOffer, provider: `Matrix ${randomBytes(3).toString("hex")}` },
      }),
    },
    {
      route: "/api/v1/catalog/versions/[id]/import/preview",
      method: "POST",
      access: "admin",
      ok: 200,
      build: () => ({ path: `/api/v1/catalog/versions/${draft.id}/import/preview`, body: csv }),
    },
    {
      route: "/api/v1/catalog/versions/[id]/import",
      method: "POST",
      access: "admin",
      ok: 200,
      build: () => ({ path: `/api/v1/catalog/versions/${draft.id}/import`, body: csv }),
    },
    {
      route: "/api/v1/catalog/versions/[id]/publish",
      method: "POST",
      access: "admin",
      ok: 422,
      note: "an invalid label: publishing for real would re-price every scenario the other tests use; 422 shows the admin got past authorization",
      build: () => ({ path: `/api/v1/catalog/versions/${draft.id}/publish`, body: { label: "", effectiveDate: "2026-12-01" } }),
    },
    {
      route: "/api/v1/catalog/api-prices/[rowId]",
      method: "PATCH",
      access: "admin",
      ok: 200,
      build: (c) => ({ path: `/api/v1/catalog/api-prices/${apiRow(c)}`, body: { inputPerM: 1.5 } }),
    },
    {
      route: "/api/v1/catalog/api-prices/[rowId]",
      method: "DELETE",
      access: "admin",
      ok: 200,
      build: (c) => ({ path: `/api/v1/catalog/api-prices/${apiRow(c)}` }),
    },
    {
      route: "/api/v1/catalog/gpu-offers/[rowId]",
      method: "PATCH",
      access: "admin",
      ok: 200,
      build: (c) => ({ path: `/api/v1/catalog/gpu-offers/${gpuRow(c)}`, body: { pricePerGpuHour: 2.5 } }),
    },
    {
      route: "/api/v1/catalog/gpu-offers/[rowId]",
      method: "DELETE",
      access: "admin",
      ok: 200,
      build: (c) => ({ path: `/api/v1/catalog/gpu-offers/${gpuRow(c)}` }),
    },
    {
      route: "/api/v1/catalog/runs/[id]",
      method: "GET",
      access: "admin",
      ok: run ? 200 : 404,
      note: run ? "the newest re-pricing run" : "no run exists yet in this database: an unknown id (404 for the admin, 403 for others)",
      build: () => ({ path: `/api/v1/catalog/runs/${run ?? "no-such-run"}` }),
    },
    {
      route: "/api/v1/catalog/runs/[id]/retry",
      method: "POST",
      access: "admin",
      ok: run ? 409 : 404,
      note: "only a failed run is retried: 409 for a run that has not failed (or 404 without one) shows the admin got past authorization",
      build: () => ({ path: `/api/v1/catalog/runs/${run ?? "no-such-run"}/retry` }),
    },
    { route: "/api/v1/jobs", method: "GET", access: "admin", ok: 200, build: () => ({ path: "/api/v1/jobs" }) },
    { route: "/api/v1/catalog/feeds", method: "GET", access: "admin", ok: 200, build: () => ({ path: "/api/v1/catalog/feeds" }) },
    {
      route: "/api/v1/catalog/feeds",
      method: "POST",
      access: "admin",
      ok: 422,
      note: "a feed without a name: registering one for real would schedule fetches; 422 shows the admin got past authorization",
      build: () => ({ path: "/api/v1/catalog/feeds", body: { name: "", url: "https://example.com/prices.json", format: "genai-prices" } }),
    },
    {
      route: "/api/v1/catalog/feeds/[id]",
      method: "PUT",
      access: "admin",
      ok: 404,
      note: "an unknown feed with a valid body: 404 for the admin, 403 for others",
      build: () => ({
        path: "/api/v1/catalog/feeds/no-such-feed",
        body: { name: "Matrix feed", url: "https://example.com/prices.json", format: "genai-prices", schedule: "manual" },
      }),
    },
    {
      route: "/api/v1/catalog/feeds/[id]",
      method: "DELETE",
      access: "admin",
      ok: 404,
      build: () => ({ path: "/api/v1/catalog/feeds/no-such-feed" }),
    },
    {
      route: "/api/v1/catalog/feeds/[id]/refresh",
      method: "POST",
      access: "admin",
      ok: 404,
      build: () => ({ path: "/api/v1/catalog/feeds/no-such-feed/refresh" }),
    },
    // Team members
    {
      route: "/api/v1/teams/[team]/scenarios",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/scenarios` }),
    },
    {
      route: "/api/v1/teams/[team]/scenarios",
      method: "POST",
      access: "editor",
      ok: 201,
      build: () => ({ path: `/api/v1/teams/${T}/scenarios`, body: { template: "chat" } }),
    },
    {
      route: "/api/v1/teams/[team]/compare",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/compare?s=${S.id},${S2.id}` }),
    },
    {
      route: "/api/v1/teams/[team]/compare/memo",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/compare/memo?format=md&s=${S.id},${S2.id}` }),
    },
    { route: "/api/v1/scenarios/[id]", method: "GET", access: "viewer", ok: 200, build: () => ({ path: `/api/v1/scenarios/${S.id}` }) },
    {
      route: "/api/v1/scenarios/[id]/revisions",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/scenarios/${S.id}/revisions` }),
    },
    {
      route: "/api/v1/scenarios/[id]/revisions/[number]",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/scenarios/${S.id}/revisions/1` }),
    },
    {
      route: "/api/v1/scenarios/[id]/memo",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/scenarios/${S.id}/memo?format=md` }),
    },
    {
      route: "/api/v1/scenarios/[id]/comments",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/scenarios/${S.id}/comments` }),
    },
    {
      route: "/api/v1/scenarios/[id]/comments",
      method: "POST",
      access: "viewer",
      ok: 201,
      note: "viewers may comment; a read token may not",
      build: () => ({ path: `/api/v1/scenarios/${S.id}/comments`, body: { body: "From the matrix" } }),
    },
    {
      route: "/api/v1/scenarios/[id]/duplicate",
      method: "POST",
      access: "editor",
      ok: 201,
      build: () => ({ path: `/api/v1/scenarios/${S.id}/duplicate` }),
    },
    ...scenarioWrites(),
    {
      route: "/api/v1/teams/[team]/notifications/preferences",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/notifications/preferences` }),
    },
    {
      route: "/api/v1/teams/[team]/notifications/preferences",
      method: "PUT",
      access: "viewer",
      ok: 200,
      note: "each caller sets their own choice",
      build: () => ({ path: `/api/v1/teams/${T}/notifications/preferences`, body: { flips: true, moves: false } }),
    },
    {
      route: "/api/v1/teams/[team]/webhook",
      method: "GET",
      access: "owner",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/webhook` }),
    },
    {
      route: "/api/v1/teams/[team]/webhook",
      method: "PUT",
      access: "owner",
      ok: 200,
      note: "cleared: a real URL would receive this database's notifications",
      build: () => ({ path: `/api/v1/teams/${T}/webhook`, body: { url: null } }),
    },
    {
      route: "/api/v1/teams/[team]/notifications",
      method: "GET",
      access: "owner",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/notifications` }),
    },
    {
      route: "/api/v1/teams/[team]/invitations",
      method: "POST",
      access: "owner",
      ok: 201,
      build: () => ({ path: `/api/v1/teams/${T}/invitations`, body: { email: "invitee@example.com", role: "viewer" } }),
    },
    {
      route: "/api/v1/teams/[team]/invitations",
      method: "GET",
      access: "owner",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/invitations` }),
    },
    {
      route: "/api/v1/teams/[team]/invitations/[invitationId]",
      method: "DELETE",
      access: "owner",
      ok: 200,
      note: "a fresh invitation per caller, so only the role decides",
      build: async () => ({
        path: `/api/v1/teams/${T}/invitations/${(await ok<{ id: string }>(owner.ctx.post(`/api/v1/teams/${T}/invitations`, { data: { email: "withdrawn@example.com", role: "viewer" } }), "invite to withdraw")).id}`,
      }),
    },
    {
      route: "/api/v1/teams/[team]/members/[userId]",
      method: "PATCH",
      access: "owner",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/members/${viewer.userId}`, body: { role: "viewer" } }),
    },
    {
      route: "/api/v1/teams/[team]/members/[userId]",
      method: "DELETE",
      access: "owner",
      ok: 200,
      note: "the owner, acting last, removes a spare member every other caller failed to remove",
      build: () => ({ path: `/api/v1/teams/${T}/members/${spare.userId}` }),
    },
    {
      route: "/api/v1/teams/[team]/reprice-threshold",
      method: "PUT",
      access: "owner",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/reprice-threshold`, body: { percent: 5, usd: 100 } }),
    },
    {
      route: "/api/v1/teams/[team]/usage-imports",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/usage-imports` }),
    },
    {
      route: "/api/v1/teams/[team]/usage-imports",
      method: "POST",
      access: "editor",
      ok: 201,
      note: "a multipart upload",
      build: () => ({ path: `/api/v1/teams/${T}/usage-imports`, multipart: usageForm() }),
    },
    {
      route: "/api/v1/teams/[team]/usage-imports/[importId]",
      method: "GET",
      access: "viewer",
      ok: 200,
      build: () => ({ path: `/api/v1/teams/${T}/usage-imports/${usageImport.id}` }),
    },
    {
      route: "/api/v1/teams/[team]/usage-imports/[importId]/apply",
      method: "POST",
      access: "editor",
      ok: 201,
      build: () => ({
        path: `/api/v1/teams/${T}/usage-imports/${usageImport.id}/apply`,
        body: { target: { kind: "new", name: "From usage" } },
      }),
    },
    { route: "/api/v1/teams/[team]/tokens", method: "GET", access: "owner", ok: 200, build: () => ({ path: `/api/v1/teams/${T}/tokens` }) },
    {
      route: "/api/v1/teams/[team]/tokens",
      method: "POST",
      access: "owner",
      ok: 201,
      build: () => ({ path: `/api/v1/teams/${T}/tokens`, body: { name: "matrix", access: "read" } }),
    },
    {
      route: "/api/v1/teams/[team]/tokens/[tokenId]",
      method: "DELETE",
      access: "owner",
      ok: 200,
      build: async () => ({ path: `/api/v1/teams/${T}/tokens/${(await tokenFor("read", "to revoke")).id}` }),
    },
  ];

  /** Version-checked writes: each caller gets a fresh scenario, so only the role decides. */
  function scenarioWrites(): Entry[] {
    const fresh = (path: (id: string) => string, body: (version: number) => unknown, make = () => newScenario()) => {
      const made = new Map<string, { id: string; version: number }>();
      return {
        build: async () => {
          const s = await make();
          const path_ = path(s.id);
          made.set(path_, s);
          return { path: path_, body: body(s.version) };
        },
        unchanged: async (req: Request) => {
          const s = made.get(req.path)!;
          await unchangedScenario(s.id, s.version)();
        },
      };
    };
    return [
      {
        route: "/api/v1/scenarios/[id]",
        method: "PUT",
        access: "editor",
        ok: 200,
        ...fresh(
          (id) => `/api/v1/scenarios/${id}`,
          (v) => ({ baseVersion: v, input, message: "matrix" }),
        ),
      },
      {
        route: "/api/v1/scenarios/[id]",
        method: "PATCH",
        access: "editor",
        ok: 200,
        note: "renames",
        ...fresh(
          (id) => `/api/v1/scenarios/${id}`,
          (v) => ({ baseVersion: v, name: "Renamed by the matrix", description: "and described" }),
        ),
      },
      {
        route: "/api/v1/scenarios/[id]",
        method: "DELETE",
        access: "editor",
        ok: 200,
        note: "archives",
        ...fresh(
          (id) => `/api/v1/scenarios/${id}`,
          (v) => ({ baseVersion: v }),
        ),
      },
      {
        route: "/api/v1/scenarios/[id]/status",
        method: "POST",
        access: "editor",
        ok: 200,
        ...fresh(
          (id) => `/api/v1/scenarios/${id}/status`,
          (v) => ({ baseVersion: v, status: "proposed" }),
        ),
      },
      {
        route: "/api/v1/scenarios/[id]/revisions/[number]/restore",
        method: "POST",
        access: "editor",
        ok: 200,
        ...fresh(
          (id) => `/api/v1/scenarios/${id}/revisions/1/restore`,
          (v) => ({ baseVersion: v }),
        ),
      },
      {
        route: "/api/v1/scenarios/[id]/reprice",
        method: "POST",
        access: "editor",
        ok: 200,
        ...fresh(
          (id) => `/api/v1/scenarios/${id}/reprice`,
          (v) => ({ baseVersion: v }),
          stalePriced,
        ),
      },
    ];
  }

  const invitePage = await ok<{ token: string }>(
    host.ctx.post(`/api/v1/teams/${host.team}/invitations`, { data: { email: "page@example.com", role: "viewer" } }),
    "page invite",
  );
  const pages: Entry[] = [
    { route: "/", method: "GET", access: "redirect", ok: 307, note: "to the first team, or to sign-in", build: () => ({ path: "/" }) },
    { route: "/signin", method: "GET", access: "guest", ok: 200, build: () => ({ path: "/signin" }) },
    { route: "/signup", method: "GET", access: "guest", ok: 200, build: () => ({ path: "/signup" }) },
    { route: "/docs/api", method: "GET", access: "public", ok: 200, build: () => ({ path: "/docs/api" }) },
    { route: "/forgot-password", method: "GET", access: "public", ok: 200, build: () => ({ path: "/forgot-password" }) },
    { route: "/reset-password", method: "GET", access: "public", ok: 200, build: () => ({ path: "/reset-password?token=made-up" }) },
    { route: "/verify-email", method: "GET", access: "public", ok: 200, build: () => ({ path: "/verify-email?token=made-up" }) },
    { route: "/invite/[token]", method: "GET", access: "signed-in", ok: 200, build: () => ({ path: `/invite/${invitePage.token}` }) },
    { route: "/t/[team]", method: "GET", access: "viewer", ok: 200, build: () => ({ path: `/t/${T}` }) },
    { route: "/t/[team]/new", method: "GET", access: "editor", ok: 200, build: () => ({ path: `/t/${T}/new` }) },
    { route: "/t/[team]/usage", method: "GET", access: "editor", ok: 200, build: () => ({ path: `/t/${T}/usage` }) },
    { route: "/t/[team]/compare", method: "GET", access: "viewer", ok: 200, build: () => ({ path: `/t/${T}/compare?s=${S.id},${S2.id}` }) },
    {
      route: "/t/[team]/settings",
      method: "GET",
      access: "viewer",
      ok: 200,
      note: "members see the team; only owners see tokens and the audit log",
      build: () => ({ path: `/t/${T}/settings` }),
    },
    {
      route: "/t/[team]/notifications",
      method: "GET",
      access: "viewer",
      ok: 200,
      note: "members who are not owners are told the outbox is the owners'",
      build: () => ({ path: `/t/${T}/notifications` }),
    },
    { route: "/t/[team]/catalog", method: "GET", access: "viewer", ok: 200, build: () => ({ path: `/t/${T}/catalog` }) },
    { route: "/t/[team]/catalog/history", method: "GET", access: "viewer", ok: 200, build: () => ({ path: `/t/${T}/catalog/history` }) },
    {
      route: "/t/[team]/catalog/admin",
      method: "GET",
      access: "viewer",
      ok: 200,
      note: "non-admins are told they can only browse",
      build: () => ({ path: `/t/${T}/catalog/admin` }),
    },
    {
      route: "/t/[team]/catalog/feeds",
      method: "GET",
      access: "viewer",
      ok: 200,
      note: "non-admins are told the feeds are the administrators'",
      build: () => ({ path: `/t/${T}/catalog/feeds` }),
    },
    {
      route: "/t/[team]/catalog/jobs",
      method: "GET",
      access: "viewer",
      ok: 200,
      note: "non-admins are told the jobs are the administrators'",
      build: () => ({ path: `/t/${T}/catalog/jobs` }),
    },
    { route: "/t/[team]/s/[id]", method: "GET", access: "viewer", ok: 200, build: () => ({ path: `/t/${T}/s/${S.id}` }) },
    { route: "/t/[team]/s/[id]/diff", method: "GET", access: "viewer", ok: 200, build: () => ({ path: `/t/${T}/s/${S.id}/diff?a=1&b=1` }) },
  ];

  // Coverage: every handler and page on disk has an entry, and no entry names a missing one.
  expect([...new Set(entries.map((e) => `${e.method} ${e.route}`))].sort(), "route handlers on disk").toEqual(handlersOnDisk());
  expect(pages.map((p) => p.route).sort(), "pages on disk").toEqual(pagesOnDisk());
  // The app has no server actions (every write is a route handler); one added must join the matrix.
  const actions = walk("app").filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/m.test(readFileSync(f, "utf8")));
  expect(actions, "server actions found: give each an entry in this matrix").toEqual([]);

  const rows: string[] = [];
  const unexpected: string[] = [];
  // Owners act last on each route, so removals by them (a member, a token) come after the refusals.
  const order: Caller[] = [
    "signed out",
    "cross-site",
    "outsider",
    "catalog admin",
    "read token",
    "write token",
    "viewer",
    "editor",
    "owner",
  ];
  for (const [isPage, list] of [
    [false, entries],
    [true, pages],
  ] as const) {
    for (const e of list) {
      const seen: string[] = [];
      for (const caller of order) {
        const req = await e.build(caller);
        const ctx = contexts[caller];
        // Writes always carry a JSON body (the app's client sends one even when empty).
        const res = await ctx.fetch(req.path, {
          method: e.method,
          ...(req.multipart ? { multipart: req.multipart } : { data: e.method === "GET" ? undefined : (req.body ?? {}) }),
          maxRedirects: 0,
        });
        const want = expected(e, caller, isPage);
        const got = res.status();
        seen.push(`${caller} ${got}`);
        const body = await res.text();
        if (got !== want)
          unexpected.push(
            `${e.method} ${e.route}${e.note ? ` (${e.note})` : ""} as ${caller}: expected ${want}, got ${got} ${body.slice(0, 200)}`,
          );
        if (e.location && !e.location.test(res.headers()["location"] ?? ""))
          unexpected.push(`${e.method} ${req.path} as ${caller}: redirected to ${res.headers()["location"]}, expected ${e.location}`);
        if (got === 307 && (caller === "signed out" || caller.endsWith("token"))) {
          const location = res.headers()["location"] ?? "";
          if (!location.includes("/signin"))
            unexpected.push(`${e.method} ${req.path} as ${caller}: redirected to ${location}, not to sign-in`);
        }
        if (!isPage && got >= 400 && e.unchanged) await e.unchanged(req);
        if (/argon2|passwordHash/i.test(body))
          unexpected.push(`${e.method} ${req.path} as ${caller}: the response mentions a password hash`);
      }
      rows.push(
        `| ${e.method} ${e.route}${e.note ? ` — ${e.note}` : ""} | ${e.access} | ${order.map((c) => expected(e, c, isPage)).join(" | ")} |`,
      );
    }
  }
  const table = [`| route | access | ${order.join(" | ")} |`, `|---|---|${order.map(() => "---").join("|")}|`, ...rows].join("\n");
  await test.info().attach("security-matrix.md", { body: table, contentType: "text/markdown" });
  const cases = (entries.length + pages.length) * order.length;
  console.log(
    `security matrix: ${entries.length} handler entries + ${pages.length} pages × ${order.length} callers = ${cases} cases, ${unexpected.length} unexpected`,
  );
  expect(unexpected, unexpected.join("\n")).toEqual([]);

  // The admin-only draft survives the run only as a draft: tidy up.
  await admin.ctx.delete(`/api/v1/catalog/versions/${draft.id}`);
});

test("security headers: a per-request script nonce instead of 'unsafe-inline', no CSP violations in the browser, HSTS over HTTPS", async ({
  page,
}) => {
  const api = await newContext();
  const nonces: string[] = [];
  for (const path of ["/signin", "/signin", "/docs/api"]) {
    const res = await api.get(path);
    const h = res.headers();
    const csp = h["content-security-policy"];
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc, path).not.toContain("unsafe-inline");
    const nonce = scriptSrc.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce, `${path}: script-src has a nonce`).toBeTruthy();
    nonces.push(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["strict-transport-security"], "no HSTS over plain HTTP").toBeUndefined();
    // Every script the page ships carries the nonce.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(new Set(nonces).size, "a fresh nonce per request").toBe(nonces.length);

  const json = (await api.get("/api/v1/openapi.json")).headers();
  expect(json["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  // Behind a TLS-terminating proxy that says so, pages and the API send HSTS.
  for (const path of ["/signin", "/api/v1/openapi.json"]) {
    const h = (await api.get(path, { headers: { "x-forwarded-proto": "https" } })).headers();
    expect(h["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
  }

  // In the browser: pages hydrate and work under the policy, and nothing is refused.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/signin");
  await page.getByLabel("Email").fill("demo@breakeven.local");
  await page.getByLabel("Password").fill("breakeven-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("team-name")).toBeVisible();
  await page
    .getByRole("link", { name: /70B agent platform/ })
    .first()
    .click();
  await expect(page.getByTestId("recommendation-headline")).toBeVisible();
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});
