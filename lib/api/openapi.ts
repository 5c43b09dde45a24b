// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes validate
// with (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses). One entry per route and method;
// a test checks that every route file under app/api/v1 is listed here.
import { z } from "zod";
import { EvaluationSchema } from "../engine";
import { ScenarioInputSchema } from "../engine";
import { EvaluateRequestSchema } from "../validation/api";
import {
  ApiPriceEditSchema,
  CreateDraftSchema,
  GpuOfferEditSchema,
  ImportSchema,
  PublishSchema,
  ThresholdSchema,
} from "../validation/catalog";
import { CommentSchema, CreateScenarioSchema, RenameScenarioSchema, SaveRevisionSchema, SetStatusSchema } from "../validation/scenario";
import { CreateTeamSchema, InviteSchema, UpdateMemberSchema } from "../validation/team";
import { CreateTokenSchema } from "../validation/tokens";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Param = { name: string; in: "path" | "query"; description: string; required?: boolean; schema?: Record<string, unknown> };

export type Operation = {
  method: Method;
  path: string;
  tag: "Scenarios" | "Evaluation" | "Memos" | "Catalog" | "Catalog administration" | "Teams" | "Tokens";
  summary: string;
  /** token: a team API token works (read or write); session: signed-in browsers only. */
  auth: "token" | "session";
  write?: boolean;
  query?: Param[];
  body?: z.ZodType;
  response?: z.ZodType;
  responseDescription?: string;
  example?: string;
};

const baseVersion = z.object({
  baseVersion: z.number().int().min(1).describe("The scenario version you loaded (409 if someone saved since)"),
});
const CreateFromTemplate = z.object({
  template: z.enum(["chat", "rag", "agent", "batch", "regulated", "blank"]),
  name: z.string().max(120).optional(),
});
const str = (description: string, required = false): Param => ({
  name: "",
  in: "query",
  description,
  required,
  schema: { type: "string" },
});
const q = (name: string, p: Param): Param => ({ ...p, name });

export const OPERATIONS: Operation[] = [
  // Scenarios
  {
    method: "get",
    path: "/api/v1/teams/{team}/scenarios",
    tag: "Scenarios",
    auth: "token",
    summary: "List the team's scenarios with their current result summary",
  },
  {
    method: "post",
    path: "/api/v1/teams/{team}/scenarios",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Create a scenario from a full input, or from a template priced at the newest catalog",
    body: z.union([CreateScenarioSchema, CreateFromTemplate]),
    example: `curl -X POST "$BREAKEVEN_URL/api/v1/teams/$TEAM/scenarios" -H "Authorization: Bearer $BREAKEVEN_TOKEN" -H "Content-Type: application/json" -d '{"template":"chat"}'`,
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}",
    tag: "Scenarios",
    auth: "token",
    summary: "One scenario with its current revision (input and result summary)",
  },
  {
    method: "put",
    path: "/api/v1/scenarios/{id}",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Save a new revision; names the version it was based on (409 on a stale version)",
    body: SaveRevisionSchema,
  },
  {
    method: "patch",
    path: "/api/v1/scenarios/{id}",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Rename the scenario or change its description (no new revision; 409 on a stale version)",
    body: RenameScenarioSchema,
  },
  {
    method: "delete",
    path: "/api/v1/scenarios/{id}",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Archive the scenario (its history is kept)",
    body: baseVersion,
  },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/status",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Move the status: draft → proposed → decided, or archived",
    body: SetStatusSchema,
  },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/duplicate",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Copy the current revision into a new scenario",
  },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/reprice",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Save a revision at the newest published catalog's prices",
    body: baseVersion,
  },
  { method: "get", path: "/api/v1/scenarios/{id}/revisions", tag: "Scenarios", auth: "token", summary: "Revision history, newest first" },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/revisions/{number}",
    tag: "Scenarios",
    auth: "token",
    summary: "One revision: input, result summary, author and catalog version",
  },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/revisions/{number}/restore",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Restore an old revision as a new one",
    body: baseVersion,
  },
  { method: "get", path: "/api/v1/scenarios/{id}/comments", tag: "Scenarios", auth: "token", summary: "Comments, oldest first" },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/comments",
    tag: "Scenarios",
    auth: "token",
    write: true,
    summary: "Add a comment",
    body: CommentSchema,
  },
  // Evaluation
  {
    method: "post",
    path: "/api/v1/evaluate",
    tag: "Evaluation",
    auth: "token",
    summary: "Evaluate a scenario input without saving anything",
    body: EvaluateRequestSchema,
    response: EvaluationSchema,
    example: `curl -X POST "$BREAKEVEN_URL/api/v1/evaluate" -H "Authorization: Bearer $BREAKEVEN_TOKEN" -H "Content-Type: application/json" -d "{\\"input\\": $(cat lib/engine/examples/chat-assistant-8b.json)}"`,
  },
  {
    method: "get",
    path: "/api/v1/teams/{team}/compare",
    tag: "Evaluation",
    auth: "token",
    summary: "2 to 6 scenarios, each at its current or a named revision, evaluated side by side",
    query: [q("s", { ...str("Comma-separated scenario ids; id@N for revision N", true) })],
  },
  // Memos
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/memo",
    tag: "Memos",
    auth: "token",
    summary: "The decision memo of a revision, as PDF or Markdown",
    responseDescription: "application/pdf or text/markdown, as an attachment",
    query: [
      q("format", str("pdf (default) or md")),
      q("revision", str("Revision number; default the current one")),
      q("context", str("A paragraph of context to include")),
      q("decision", str("The team's decision paragraph")),
    ],
    example: `curl -o memo.pdf "$BREAKEVEN_URL/api/v1/scenarios/$SCENARIO/memo?format=pdf" -H "Authorization: Bearer $BREAKEVEN_TOKEN"`,
  },
  {
    method: "get",
    path: "/api/v1/teams/{team}/compare/memo",
    tag: "Memos",
    auth: "token",
    summary: "One memo of a comparison of 2 to 6 scenarios",
    responseDescription: "application/pdf or text/markdown, as an attachment",
    query: [
      q("s", str("Comma-separated scenario ids; id@N for revision N", true)),
      q("format", str("pdf (default) or md")),
      q("context", str("Context paragraph")),
      q("decision", str("Decision paragraph")),
    ],
  },
  // Catalog
  {
    method: "get",
    path: "/api/v1/catalog/current",
    tag: "Catalog",
    auth: "token",
    summary: "The newest published catalog version with every row (current prices)",
  },
  {
    method: "get",
    path: "/api/v1/catalog/versions",
    tag: "Catalog",
    auth: "token",
    summary: "Published catalog versions (and drafts, for administrators)",
  },
  { method: "get", path: "/api/v1/catalog/versions/{id}", tag: "Catalog", auth: "token", summary: "Every row of a catalog version" },
  {
    method: "get",
    path: "/api/v1/catalog/history",
    tag: "Catalog",
    auth: "token",
    summary: "One API model's or GPU offer's price across published versions",
    query: [
      q("kind", str("api or gpu", true)),
      q("provider", str("Provider", true)),
      q("model", str("Model (kind=api)")),
      q("gpuType", str("GPU type (kind=gpu)")),
    ],
  },
  // Catalog administration (instance administrators, signed in)
  {
    method: "post",
    path: "/api/v1/catalog/versions",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Create a draft copied from the newest published version",
    body: CreateDraftSchema,
  },
  {
    method: "delete",
    path: "/api/v1/catalog/versions/{id}",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Discard a draft (published versions: 409)",
  },
  {
    method: "post",
    path: "/api/v1/catalog/versions/{id}/publish",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Publish a draft and re-price every saved scenario",
    body: PublishSchema,
  },
  {
    method: "post",
    path: "/api/v1/catalog/versions/{id}/import",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Apply a LiteLLM, llm-prices or GPU CSV file to a draft (all rows or none)",
    body: ImportSchema,
  },
  {
    method: "post",
    path: "/api/v1/catalog/versions/{id}/import/preview",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "What an import would change (writes nothing)",
    body: ImportSchema,
  },
  {
    method: "post",
    path: "/api/v1/catalog/versions/{id}/api-prices",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Add an API price to a draft",
    body: ApiPriceEditSchema,
  },
  {
    method: "post",
    path: "/api/v1/catalog/versions/{id}/gpu-offers",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Add a GPU offer to a draft",
    body: GpuOfferEditSchema,
  },
  {
    method: "patch",
    path: "/api/v1/catalog/api-prices/{rowId}",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Change an API price of a draft",
    body: ApiPriceEditSchema.partial(),
  },
  {
    method: "delete",
    path: "/api/v1/catalog/api-prices/{rowId}",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Retire an API price from a draft",
  },
  {
    method: "patch",
    path: "/api/v1/catalog/gpu-offers/{rowId}",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Change a GPU offer of a draft",
    body: GpuOfferEditSchema.partial(),
  },
  {
    method: "delete",
    path: "/api/v1/catalog/gpu-offers/{rowId}",
    tag: "Catalog administration",
    auth: "session",
    write: true,
    summary: "Retire a GPU offer from a draft",
  },
  {
    method: "get",
    path: "/api/v1/catalog/runs/{id}",
    tag: "Catalog administration",
    auth: "session",
    summary: "Progress of the re-pricing that follows a publish",
  },
  // Teams
  {
    method: "post",
    path: "/api/v1/teams",
    tag: "Teams",
    auth: "session",
    write: true,
    summary: "Create a team (you become its owner)",
    body: CreateTeamSchema,
  },
  { method: "get", path: "/api/v1/teams/{team}/invitations", tag: "Teams", auth: "session", summary: "Pending invitations (owners)" },
  {
    method: "post",
    path: "/api/v1/teams/{team}/invitations",
    tag: "Teams",
    auth: "session",
    write: true,
    summary: "Invite by link with a role, for the invited email's account unless anyoneWithLink (owners)",
    body: InviteSchema,
  },
  {
    method: "delete",
    path: "/api/v1/teams/{team}/invitations/{invitationId}",
    tag: "Teams",
    auth: "session",
    write: true,
    summary: "Withdraw a pending invitation (owners)",
  },
  { method: "post", path: "/api/v1/invitations/{token}", tag: "Teams", auth: "session", write: true, summary: "Accept an invitation" },
  {
    method: "patch",
    path: "/api/v1/teams/{team}/members/{userId}",
    tag: "Teams",
    auth: "session",
    write: true,
    summary: "Change a member's role, or suspend/restore their access to this team (owners)",
    body: UpdateMemberSchema,
  },
  {
    method: "delete",
    path: "/api/v1/teams/{team}/members/{userId}",
    tag: "Teams",
    auth: "session",
    write: true,
    summary: "Remove a member (owners), or leave the team",
  },
  {
    method: "put",
    path: "/api/v1/teams/{team}/reprice-threshold",
    tag: "Teams",
    auth: "session",
    write: true,
    summary: "Set the change below which no 'prices changed' mark is shown (owners)",
    body: ThresholdSchema,
  },
  // Tokens
  {
    method: "get",
    path: "/api/v1/teams/{team}/tokens",
    tag: "Tokens",
    auth: "session",
    summary: "The team's API tokens, without their secrets (owners)",
  },
  {
    method: "post",
    path: "/api/v1/teams/{team}/tokens",
    tag: "Tokens",
    auth: "session",
    write: true,
    summary: "Create a token; the secret is in this response only (owners)",
    body: CreateTokenSchema,
  },
  {
    method: "delete",
    path: "/api/v1/teams/{team}/tokens/{tokenId}",
    tag: "Tokens",
    auth: "session",
    write: true,
    summary: "Revoke a token (owners)",
  },
];

const ProblemSchema = {
  type: "object",
  required: ["status", "code", "message"],
  properties: {
    status: { type: "integer" },
    code: {
      type: "string",
      enum: ["validation", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited", "too_large", "unavailable", "internal"],
    },
    message: { type: "string" },
    fieldErrors: {
      type: "object",
      additionalProperties: { type: "array", items: { type: "string" } },
      description: "Messages by field path, e.g. input.workload.requestsPerMonth",
    },
  },
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

export function openApiDocument(serverUrl = "/"): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const problem = (description: string) => ({
      description,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
    const responses: Record<string, unknown> = {
      "200": op.response
        ? { description: "OK", content: { "application/json": { schema: jsonSchema(op.response, "output") } } }
        : { description: op.responseDescription ?? "OK (JSON)" },
      "401": problem("No valid session or API token (missing, unknown or revoked)"),
      "404": problem("Not found, or not in a team the caller belongs to"),
    };
    if (op.body || op.query?.length || op.path.includes("{number}"))
      responses["422"] = problem("Invalid input; fieldErrors names each field");
    if (op.write) {
      responses["403"] = problem("The role or token may not do this (a read token never writes)");
      responses["409"] = problem("Conflict: a stale version, or a published catalog version");
    }
    if (op.auth === "token")
      responses["429"] = {
        ...problem("Rate limit of the token reached"),
        headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
      };
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      tags: [op.tag],
      summary: op.summary,
      operationId: `${op.method}${op.path
        .replace(/^\/api\/v1/, "")
        .replace(/\{(\w+)\}/g, "By_$1")
        .replace(/[^\w]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
      security: op.auth === "token" ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [{ sessionCookie: [] }],
      ...(params.length || op.query?.length
        ? {
            parameters: [
              ...params,
              ...(op.query ?? []).map((p) => ({
                name: p.name,
                in: "query",
                description: p.description,
                required: p.required ?? false,
                schema: p.schema ?? { type: "string" },
              })),
            ],
          }
        : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Breakeven API",
      version: "1.0.0",
      description:
        "Evaluate LLM workloads (API vs self-hosted), manage a team's scenarios, export decision memos and read the price catalog. Authenticate with a team API token (Authorization: Bearer …; created by owners in Team settings, read or write access) or a browser session. Errors are problem JSON: { status, code, message, fieldErrors }.",
    },
    servers: [{ url: serverUrl }],
    tags: ["Scenarios", "Evaluation", "Memos", "Catalog", "Catalog administration", "Teams", "Tokens"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A team API token (bk_…)" },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session; writes also need a same-origin request",
        },
      },
      schemas: {
        Problem: ProblemSchema,
        ScenarioInput: jsonSchema(ScenarioInputSchema, "input"),
        Evaluation: jsonSchema(EvaluationSchema, "output"),
      },
    },
  };
}
