// What the OpenAPI document lists for each operation, and the small schemas and query
// parameters several operations share.
import { z } from "zod";

export type Method = "get" | "post" | "put" | "patch" | "delete";
export type Param = { name: string; in: "path" | "query"; description: string; required?: boolean; schema?: Record<string, unknown> };

export type Operation = {
  method: Method;
  path: string;
  tag: "Scenarios" | "Evaluation" | "Memos" | "Catalog" | "Catalog administration" | "Teams" | "Tokens" | "Usage";
  summary: string;
  /** token: a team API token works (read or write); session: signed-in browsers only. */
  auth: "token" | "session";
  write?: boolean;
  query?: Param[];
  body?: z.ZodType;
  /** A multipart/form-data body: its text fields, and a `file` field holding the upload. */
  multipart?: z.ZodType;
  response?: z.ZodType;
  responseDescription?: string;
  example?: string;
};

export const baseVersion = z.object({
  baseVersion: z.number().int().min(1).describe("The scenario version you loaded (409 if someone saved since)"),
});
export const CreateFromTemplate = z.object({
  template: z.enum(["chat", "rag", "agent", "batch", "regulated", "blank"]),
  name: z.string().max(120).optional(),
});
export const str = (description: string, required = false): Param => ({
  name: "",
  in: "query",
  description,
  required,
  schema: { type: "string" },
});
export const q = (name: string, p: Param): Param => ({ ...p, name });
