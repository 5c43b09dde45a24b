// Bad input to every mutation: payloads built by corrupting each field of a valid body (wrong
// types, huge and negative numbers, NaN, unicode, control characters, prototype keys, bad links
// and dates, a 1 MB string, missing fields) plus random values, kept when the mutation's own zod
// schema rejects them or they hold text no input may hold. Every one must be refused
// with a 4xx — never a 500 — and the database must be exactly as before (request bookkeeping
// excluded: rate-limit counters and a token's last use).
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.ADMIN_EMAILS = "admin@fuzz.test";
process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";

import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestDb, testDbKinds, type TestDb } from "../support/test-db";
import { seed } from "../../lib/data/seed";
import { signUpVerified } from "../support/users";
import { requestPasswordReset, resetPassword, sendVerificationEmail, verifyEmail } from "../../lib/data/account-links";
import {
  NextPathSchema,
  PasswordResetRequestSchema,
  PasswordResetSchema,
  SignUpSchema,
  VerifyEmailSchema,
} from "../../lib/validation/auth";
import { acceptInvitation, updateMember, createInvitation, createTeam } from "../../lib/data/members";
import { createScenario } from "../../lib/data/scenarios";
import { createApiToken } from "../../lib/data/tokens";
import { addApiPrice, addGpuOffer, createDraft, updateApiPrice, updateGpuOffer } from "../../lib/data/catalog-drafts";
import { publishVersion } from "../../lib/data/catalog-publish";
import { setRepriceThreshold } from "../../lib/data/catalog-marks";
import { applyImport, previewImport } from "../../lib/data/catalog-imports";
import { scenario as scenarioInput } from "../../lib/engine/test-fixtures";
import { assertNoUnsafeText } from "../../lib/validation/unsafe";
import {
  BaseVersionSchema,
  CommentSchema,
  CreateScenarioSchema,
  RenameScenarioSchema,
  SaveRevisionSchema,
  SetStatusSchema,
} from "../../lib/validation/scenario";
import { UpdateMemberSchema, CreateTeamSchema, InviteSchema, NotificationPrefsSchema, WebhookSchema } from "../../lib/validation/team";
import { createFeed } from "../../lib/data/feeds";
import { setMyNotificationPrefs, setWebhook } from "../../lib/data/notifications";
import { CreateTokenSchema } from "../../lib/validation/tokens";
import {
  ApiPriceEditSchema,
  ApiPricePatchSchema,
  CreateDraftSchema,
  GpuOfferEditSchema,
  GpuOfferPatchSchema,
  ImportSchema,
  PublishSchema,
  ThresholdSchema,
  FeedSchema,
} from "../../lib/validation/catalog";
import { EvaluateRequestSchema } from "../../lib/validation/api";
import * as teamScenarios from "../../app/api/v1/teams/[team]/scenarios/route";
import * as scenarioRoute from "../../app/api/v1/scenarios/[id]/route";
import * as statusRoute from "../../app/api/v1/scenarios/[id]/status/route";
import * as comments from "../../app/api/v1/scenarios/[id]/comments/route";
import * as evaluate from "../../app/api/v1/evaluate/route";
import * as restore from "../../app/api/v1/scenarios/[id]/revisions/[number]/restore/route";
import * as reprice from "../../app/api/v1/scenarios/[id]/reprice/route";

const MEGABYTE = "x".repeat(1_000_000);
const BAD: unknown[] = [
  "",
  "abc",
  "NaN",
  -1,
  -1e308,
  1e308,
  0.5,
  null,
  true,
  [],
  {},
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ \u0000 \u202e",
  [1, "two"],
  { nested: { deeper: [null] } },
  // Text no input may hold, and values that broke pages later: control characters, prototype
  // keys, links that do not parse, impossible dates.
  "bell \u0007 and escape \u001b[2J",
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: 1 } },
  "http://[bad",
  "javascript:alert(1)",
  "2026-99-99",
  "2026-13-45",
];

/** A payload every mutation must refuse, whatever its schema says of the rest. */
const unsafe = (v: unknown): boolean => {
  try {
    assertNoUnsafeText(v);
    return false;
  } catch {
    return true;
  }
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in a JSON body (objects and arrays, to a depth). */
function paths(value: unknown, prefix: (string | number)[] = [], depth = 6): (string | number)[][] {
  if (depth === 0 || value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k], depth - 1))];
}

function setAt(body: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** Malformed variants of a valid body: each kept only if the schema rejects it. */
function malformed(valid: unknown, schema: z.ZodType, minimum = 500): unknown[] {
  const out: unknown[] = [];
  const keep = (v: unknown) => {
    if (unsafe(v) || !schema.safeParse(v).success) out.push(v);
  };
  let huge = false;
  for (const p of paths(valid)) {
    for (const bad of BAD) keep(setAt(valid, p, bad));
    if (p.length) keep(setAt(valid, p, undefined, true));
    if (!huge && p.length) {
      keep(setAt(valid, p, MEGABYTE)); // one 1 MB string per mutation keeps the run short
      huge = true;
    }
  }
  for (const junk of [null, [], "body", 42, true, {}]) keep(junk);
  // Random JSON values (fixed seeds, so a failure is reproducible) until there are enough.
  for (let seed = 1; out.length < minimum + 50 && seed < 50; seed++) {
    for (const r of fc.sample(fc.jsonValue() as fc.Arbitrary<Json>, { numRuns: 200, seed })) keep(r);
  }
  return out;
}

describe.each(testDbKinds())("bad input to every mutation on %s", (kind) => {
  let t: TestDb;
  let owner = "";
  let admin = "";
  let member = "";
  let team = "";
  let scenarioId = "";
  let draftId = "";
  let apiRowId = "";
  let gpuRowId = "";
  let token = "";

  async function dump(): Promise<string> {
    const tables = await t.db.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('RateLimit', '_prisma_migrations') ORDER BY table_name`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table_name}" ORDER BY 1`);
      if (table_name === "ApiToken") for (const r of rows) delete r.lastUsedAt;
      parts.push(`${table_name}:${JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
    }
    return parts.join("\n");
  }

  beforeAll(async () => {
    t = await openTestDb(kind);
    await seed(t.db);
    const o = await signUpVerified({ name: "Fay Owner", email: "fay@fuzz.test", password: "fay password!" });
    owner = o.user.id;
    team = o.team.slug;
    admin = (await signUpVerified({ name: "Admin", email: "admin@fuzz.test", password: "admin password" })).user.id;
    member = (await signUpVerified({ name: "Max", email: "max@fuzz.test", password: "max password!" })).user.id;
    await acceptInvitation(member, (await createInvitation(owner, team, { email: "max@fuzz.test", role: "viewer" })).token);
    scenarioId = (await createScenario(owner, team, { name: "Fuzzed", input: scenarioInput() })).id;
    token = (await createApiToken(owner, team, { name: "fuzz", access: "write" })).token;
    draftId = (await createDraft(admin, { label: "fuzz draft", effectiveDate: "2026-12-01" })).id;
    apiRowId = (await t.db.apiPrice.findFirstOrThrow({ where: { catalogVersionId: draftId } })).id;
    gpuRowId = (await t.db.gpuOffer.findFirstOrThrow({ where: { catalogVersionId: draftId } })).id;
  }, 180_000);
  afterAll(async () => t?.close());

  async function route(
    handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
    method: string,
    params: Record<string, string>,
    body: unknown,
  ) {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = new Request("http://localhost/api/v1/fuzz", {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: text,
    });
    return (await handler(req, { params: Promise.resolve(params) })).status;
  }

  async function dataLayer(fn: () => Promise<unknown>): Promise<number> {
    try {
      await fn();
      return 200;
    } catch (error) {
      return (error as { status?: number }).status ?? 500;
    }
  }

  test("every mutation refuses 500+ malformed payloads with a 4xx, and the database does not change", async () => {
    const version = (await t.db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).version;
    const input = scenarioInput();
    const cases: { name: string; valid: unknown; schema: z.ZodType; send: (body: unknown) => Promise<number> }[] = [
      {
        name: "create scenario (route)",
        valid: { name: "A", input },
        schema: CreateScenarioSchema,
        send: (b) => route(teamScenarios.POST as never, "POST", { team }, b),
      },
      {
        name: "save revision (route)",
        valid: { baseVersion: version, input, message: "m" },
        schema: SaveRevisionSchema,
        send: (b) => route(scenarioRoute.PUT as never, "PUT", { id: scenarioId }, b),
      },
      {
        name: "set status (route)",
        valid: { baseVersion: version, status: "proposed" },
        schema: SetStatusSchema,
        send: (b) => route(statusRoute.POST as never, "POST", { id: scenarioId }, b),
      },
      {
        name: "comment (route)",
        valid: { body: "hello" },
        schema: CommentSchema,
        send: (b) => route(comments.POST as never, "POST", { id: scenarioId }, b),
      },
      {
        name: "evaluate (route)",
        valid: { input },
        schema: EvaluateRequestSchema,
        send: (b) => route(evaluate.POST as never, "POST", {}, b),
      },
      {
        name: "sign up",
        valid: { name: "New", email: "new@fuzz.test", password: "a long password" },
        schema: SignUpSchema,
        send: (b) => dataLayer(() => signUpVerified(b)),
      },
      { name: "create team", valid: { name: "Team" }, schema: CreateTeamSchema, send: (b) => dataLayer(() => createTeam(owner, b)) },
      {
        name: "invite",
        valid: { email: "x@fuzz.test", role: "viewer" },
        schema: InviteSchema,
        send: (b) => dataLayer(() => createInvitation(owner, team, b)),
      },
      {
        name: "change role",
        valid: { role: "editor" },
        schema: UpdateMemberSchema,
        send: (b) => dataLayer(() => updateMember(owner, team, member, b)),
      },
      {
        name: "price-change threshold",
        valid: { percent: 5, usd: 100 },
        schema: ThresholdSchema,
        send: (b) => dataLayer(() => setRepriceThreshold(owner, team, b)),
      },
      {
        name: "create API token",
        valid: { name: "t", access: "read" },
        schema: CreateTokenSchema,
        send: (b) => dataLayer(() => createApiToken(owner, team, b)),
      },
      {
        name: "create catalog draft",
        valid: { label: "L", effectiveDate: "2026-12-01" },
        schema: CreateDraftSchema,
        send: (b) => dataLayer(() => createDraft(admin, b)),
      },
      {
        name: "import prices",
        valid: { format: "gpu-csv", text: "provider,gpu_type,price_per_gpu_hour\nX,L40S,1" },
        schema: ImportSchema,
        send: (b) => dataLayer(() => applyImport(admin, draftId, b)),
      },
      {
        name: "edit an API price",
        valid: { inputPerM: 1 },
        schema: ApiPricePatchSchema,
        send: (b) => dataLayer(() => updateApiPrice(admin, apiRowId, b)),
      },
      {
        name: "add a GPU offer",
        valid: {
          provider: "P",
          gpuType: "H100 SXM",
          memoryGb: 80,
          bandwidthGbS: 3350,
          bf16Tflops: 989,
          pricePerGpuHour: 2,
          sourceUrl: "https://p.test",
          checkedAt: "2026-12-01",
        },
        schema: GpuOfferEditSchema,
        send: (b) => dataLayer(() => addGpuOffer(admin, draftId, b)),
      },
      {
        name: "restore a revision (route)",
        valid: { baseVersion: version },
        schema: BaseVersionSchema,
        send: (b) => route(restore.POST as never, "POST", { id: scenarioId, number: "1" }, b),
      },
      {
        name: "save re-priced (route)",
        valid: { baseVersion: version },
        schema: BaseVersionSchema,
        send: (b) => route(reprice.POST as never, "POST", { id: scenarioId }, b),
      },
      {
        name: "rename (route)",
        valid: { baseVersion: version, name: "Renamed" },
        schema: RenameScenarioSchema,
        send: (b) => route(scenarioRoute.PATCH as never, "PATCH", { id: scenarioId }, b),
      },
      {
        name: "archive (route)",
        valid: { baseVersion: version },
        schema: BaseVersionSchema,
        send: (b) => route(scenarioRoute.DELETE as never, "DELETE", { id: scenarioId }, b),
      },
      {
        name: "import preview",
        valid: { format: "gpu-csv", text: "provider,gpu_type,price_per_gpu_hour\nX,L40S,1" },
        schema: ImportSchema,
        send: (b) => dataLayer(() => previewImport(admin, draftId, b)),
      },
      {
        name: "edit a GPU offer",
        valid: { pricePerGpuHour: 1 },
        schema: GpuOfferPatchSchema,
        send: (b) => dataLayer(() => updateGpuOffer(admin, gpuRowId, b)),
      },
      {
        name: "add an API price",
        valid: { provider: "P", model: "m", inputPerM: 1, outputPerM: 2, sourceUrl: "https://p.test", checkedAt: "2026-12-01" },
        schema: ApiPriceEditSchema,
        send: (b) => dataLayer(() => addApiPrice(admin, draftId, b)),
      },
      {
        name: "publish",
        valid: { label: "Pub", effectiveDate: "2026-12-01" },
        schema: PublishSchema,
        send: (b) => dataLayer(() => publishVersion(admin, draftId, b)),
      },
      {
        name: "register a price feed",
        valid: { name: "Feed", url: "https://prices.test/data.json", format: "genai-prices", schedule: "manual" },
        schema: FeedSchema,
        send: (b) => dataLayer(() => createFeed(admin, b)),
      },
      {
        name: "choose notifications",
        valid: { flips: true, moves: false },
        schema: NotificationPrefsSchema,
        send: (b) => dataLayer(() => setMyNotificationPrefs(owner, team, b)),
      },
      {
        name: "set the team webhook",
        valid: { url: "https://hooks.test/x" },
        schema: WebhookSchema,
        send: (b) => dataLayer(() => setWebhook(owner, team, b)),
      },
      {
        name: "ask for a password reset",
        valid: { email: "max@fuzz.test" },
        schema: PasswordResetRequestSchema,
        send: (b) => dataLayer(() => requestPasswordReset(b, "fuzz-client")),
      },
      {
        name: "reset a password",
        valid: { token: "t".repeat(43), newPassword: "a fresh phrase for max" },
        schema: PasswordResetSchema,
        send: (b) => dataLayer(() => resetPassword(b)),
      },
      {
        name: "confirm an address",
        valid: { token: "t".repeat(43) },
        schema: VerifyEmailSchema,
        send: (b) => dataLayer(() => verifyEmail(b)),
      },
      {
        name: "send a confirmation link",
        valid: { next: "/t/x" },
        schema: NextPathSchema,
        send: (b) => dataLayer(() => sendVerificationEmail(member, b)),
      },
    ];
    const before = await dump();
    const report: string[] = [];
    let total = 0;
    for (const c of cases) {
      const payloads = malformed(c.valid, c.schema);
      expect(payloads.length, c.name).toBeGreaterThanOrEqual(500);
      const statuses = new Map<number, number>();
      // Eight at a time, as concurrent clients would send them: each must still be refused alone.
      for (let i = 0; i < payloads.length; i += 8) {
        const batch = payloads.slice(i, i + 8);
        const results = await Promise.all(batch.map((p) => c.send(p)));
        results.forEach((status, k) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status < 400 || status >= 500) report.push(`${c.name}: ${status} for ${JSON.stringify(batch[k]).slice(0, 200)}`);
        });
      }
      total += payloads.length;
      if (report.length > 20) break;
    }
    expect(report).toEqual([]);
    expect(total).toBeGreaterThan(8000);
    expect(await dump()).toBe(before);
  }, 600_000);
});
