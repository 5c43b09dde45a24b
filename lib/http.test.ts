import { describe, expect, test } from "vitest";
import { assertSameOrigin, clientAddress, json, MAX_BODY_BYTES, readJson } from "./http";

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api/v1/x", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("readJson", () => {
  test.each([
    ['{"name":"a\\u0000b"}', "name"],
    ['{"items":[{"body":"ok"},{"body":"bell \\u0007"}]}', "items.1.body"],
    ['{"__proto__":{"admin":true}}', "__proto__"],
    ['{"input":{"constructor":{"x":1}}}', "input.constructor"],
    ['{"label":"\\u001b[31mred"}', "label"],
  ])("%s is refused naming %s", async (body, path) => {
    const error = (await readJson(post(body)).catch((e: unknown) => e)) as { fieldErrors: Record<string, string[]> };
    expect(error).toMatchObject({ code: "validation", status: 422 });
    expect(Object.keys(error.fieldErrors)).toEqual([path]);
  });

  test("tabs, line breaks and unicode are text", async () => {
    expect(await readJson(post('{"body":"line one\\nline\\ttwo ☃ 𝔘"}'))).toEqual({ body: "line one\nline\ttwo ☃ 𝔘" });
  });

  test("a body declared or found larger than the limit is 413", async () => {
    await expect(readJson(post("{}", { "content-length": String(MAX_BODY_BYTES + 1) }))).rejects.toMatchObject({
      code: "too_large",
      status: 413,
    });
    await expect(readJson(post(JSON.stringify({ text: "x".repeat(MAX_BODY_BYTES) })))).rejects.toMatchObject({ status: 413 });
  });

  test("a 20 MB price file fits", async () => {
    const body = await readJson(post(JSON.stringify({ format: "gpu-csv", text: "x".repeat(20_000_000) })));
    expect((body as { text: string }).text).toHaveLength(20_000_000);
  });

  test("not JSON is undefined (the schema then names what is missing)", async () => {
    expect(await readJson(post("{oops"))).toBeUndefined();
  });
});

describe("assertSameOrigin", () => {
  const write = (headers: Record<string, string>) =>
    new Request("http://app.test/api/v1/x", {
      method: "POST",
      headers: { host: "app.test", "content-type": "application/json", ...headers },
    });
  test.each([["null"], ["not a url"], ["http://evil.test"], ["http://"]])("Origin %s is 403, never 500", (origin) => {
    expect(() => assertSameOrigin(write({ origin }))).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
  test("this site's origin passes", () => {
    expect(() => assertSameOrigin(write({ origin: "http://app.test" }))).not.toThrow();
  });
});

test("API JSON answers may not be stored by browsers or proxies", () => {
  expect(json({ ok: true }).headers.get("cache-control")).toBe("no-store");
});

describe("clientAddress", () => {
  test("takes the entry the trusted proxies appended, not what the client wrote to the left", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.4" }, 1)).toBe("198.51.100.4");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.4" }, 3)).toBe("198.51.100.4");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
  });
});
