import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

function routes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routes(full);
    if (name !== "route.ts") return [];
    const url =
      "/" +
      path
        .relative("app", dir)
        .split(path.sep)
        .join("/")
        .replace(/\[(\w+)\]/g, "{$1}");
    const source = readFileSync(full, "utf8");
    return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1].toLowerCase()} ${url}`);
  });
}

describe("OpenAPI document", () => {
  const doc = openApiDocument("http://localhost:3000");

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every route handler under app/api/v1, and nothing that does not exist", () => {
    const onDisk = routes("app/api/v1")
      .filter((r) => r !== "get /api/v1/openapi.json")
      .sort();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))
      .sort();
    expect(onDisk.length).toBeGreaterThan(30);
    expect(documented).toEqual(onDisk);
  });

  it("describes request bodies with the routes' own zod schemas", () => {
    const evaluate = (
      doc.paths as Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: { properties: Record<string, { properties?: Record<string, unknown> }> } }> };
          }
        >
      >
    )["/api/v1/evaluate"].post;
    const input = evaluate.requestBody!.content["application/json"].schema.properties.input;
    expect(Object.keys(input.properties!)).toEqual(expect.arrayContaining(["workload", "apiOptions", "selfHostOptions", "constraints"]));
  });
});
