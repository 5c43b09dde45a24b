// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes validate
// with (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses). One entry per route and method;
// a test checks that every route file under app/api/v1 is listed here.
import { z } from "zod";
import { EvaluationSchema, ScenarioInputSchema } from "../engine";
import type { Operation } from "./openapi-types";
import { SCENARIO_OPERATIONS } from "./openapi-scenario-ops";
import { CATALOG_AND_TEAM_OPERATIONS } from "./openapi-team-ops";

export type { Operation };
export const OPERATIONS: Operation[] = [...SCENARIO_OPERATIONS, ...CATALOG_AND_TEAM_OPERATIONS];

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

/** A form's fields as JSON Schema, its `file` field as binary. */
function multipartSchema(schema: z.ZodType): Record<string, unknown> {
  const s = jsonSchema(schema, "input") as { properties?: Record<string, unknown> };
  if (s.properties && "file" in s.properties) s.properties.file = { type: "string", format: "binary", description: "The export" };
  return s;
}

const problem = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

/** The responses an operation can give: its result, and the problems its kind of request can meet. */
function responsesOf(op: Operation): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    "200": op.response
      ? { description: "OK", content: { "application/json": { schema: jsonSchema(op.response, "output") } } }
      : { description: op.responseDescription ?? "OK (JSON)" },
    "401": problem("No valid session or API token (missing, unknown or revoked)"),
    "404": problem("Not found, or not in a team the caller belongs to"),
  };
  if (op.body || op.multipart || op.query?.length || op.path.includes("{number}"))
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
  return responses;
}

function operationObject(op: Operation): Record<string, unknown> {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  return {
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
    ...(op.multipart
      ? { requestBody: { required: true, content: { "multipart/form-data": { schema: multipartSchema(op.multipart) } } } }
      : {}),
    responses: responsesOf(op),
  };
}

export function openApiDocument(serverUrl = "/"): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path][op.method] = operationObject(op);
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
    tags: ["Scenarios", "Evaluation", "Memos", "Usage", "Catalog", "Catalog administration", "Teams", "Tokens"].map((name) => ({ name })),
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
