import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { route } from "./route";
import { json } from "../http";

process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

describe("route()", () => {
  const echo = route({ auth: "public" }, async ({ body }) => json({ body }));
  const post = (headers: Record<string, string>, body = '{"a":1}') =>
    echo(new Request("http://app.test/api/x", { method: "POST", headers: { host: "app.test", ...headers }, body }));

  test("a write from another site, or not sent as JSON, is refused before the handler runs", async () => {
    expect((await post({ origin: "https://evil.example", "content-type": "application/json" })).status).toBe(403);
    expect((await post({ origin: "http://app.test", "content-type": "text/plain" })).status).toBe(422);
    const ok = await post({ origin: "http://app.test", "content-type": "application/json" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ body: { a: 1 } });
  });

  test("the body goes through readJson's checks (a prototype key is 422)", async () => {
    const res = await post({ origin: "http://app.test", "content-type": "application/json" }, '{"__proto__":{"x":1}}');
    expect(res.status).toBe(422);
  });

  test("every route handler in app/ is written through route() (next-auth's own handler aside)", () => {
    const files = routeFiles(path.resolve("app")).filter((f) => !f.includes("[...nextauth]"));
    expect(files.length).toBeGreaterThan(40);
    const bare = files.flatMap((f) => {
      const exports = [...readFileSync(f, "utf8").matchAll(/^export const (GET|POST|PUT|PATCH|DELETE) = (\w+)/gm)];
      if (exports.length === 0) return [`${f}: no handler`];
      return exports.filter((m) => m[2] !== "route").map((m) => `${f}: ${m[1]} = ${m[2]}(…)`);
    });
    expect(bare).toEqual([]);
  });
});
