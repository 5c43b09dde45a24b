import { describe, expect, test } from "vitest";
import { ACTIONS, authorize, can, canAdministerCatalog, type Action } from "./authorize";
import { runRequest, setTokenScope } from "./request-scope";
import { meetsRole } from "./roles";

const roles = ["viewer", "editor", "owner"] as const;

describe("ordered roles", () => {
  test.each([
    ["viewer", "viewer", true],
    ["viewer", "editor", false],
    ["editor", "viewer", true],
    ["editor", "owner", false],
    ["owner", "editor", true],
    ["admin", "viewer", false],
    ["", "viewer", false],
    [null, "viewer", false],
  ] as const)("%s meets %s: %s", (actual, required, expected) => {
    expect(meetsRole(actual, required)).toBe(expected);
  });
});

describe("actions", () => {
  const cases = (Object.keys(ACTIONS) as Action[]).flatMap((action) => roles.map((role) => [action, role] as const));
  test.each(cases)("%s as %s", (action, role) => {
    const allowed = roles.indexOf(role) >= roles.indexOf(ACTIONS[action]);
    expect(can(role, action)).toBe(allowed);
    let thrown: unknown = null;
    try {
      authorize(role, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toEqual(allowed ? null : expect.objectContaining({ code: "forbidden" }));
  });

  test("a non-member gets not found, never forbidden", () => {
    expect(() => authorize(null, "scenario:read")).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => authorize(undefined, "member:manage")).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  test("only owners manage members and read the audit log; editors write scenarios; viewers read and comment", () => {
    expect(roles.filter((r) => can(r, "member:manage"))).toEqual(["owner"]);
    expect(roles.filter((r) => can(r, "audit:read"))).toEqual(["owner"]);
    expect(roles.filter((r) => can(r, "scenario:write"))).toEqual(["editor", "owner"]);
    expect(roles.filter((r) => can(r, "comment:write"))).toEqual(["viewer", "editor", "owner"]);
  });
});

describe("catalog administration", () => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
  process.env.ADMIN_EMAILS = "named@example.com";
  const named = { email: "Named@example.com", catalogAdmin: false, emailVerifiedAt: new Date() };
  test("granted accounts, and confirmed addresses named in ADMIN_EMAILS, administer the catalog", () => {
    expect(canAdministerCatalog(named)).toBe(true);
    expect(canAdministerCatalog({ ...named, emailVerifiedAt: null })).toBe(false);
    expect(canAdministerCatalog({ email: "other@example.com", catalogAdmin: true, emailVerifiedAt: null })).toBe(true);
    expect(canAdministerCatalog({ email: "other@example.com", catalogAdmin: false, emailVerifiedAt: new Date() })).toBe(false);
    expect(canAdministerCatalog(null)).toBe(false);
  });
  test("a team API token never does, whoever created it", async () => {
    await runRequest(async () => {
      setTokenScope({ tokenId: "t", teamId: "team", maxRole: "editor" });
      expect(canAdministerCatalog({ ...named, catalogAdmin: true })).toBe(false);
    });
  });
});
