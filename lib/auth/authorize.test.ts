import { describe, expect, test } from "vitest";
import { ACTIONS, authorize, can, type Action } from "./authorize";
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
    if (allowed) expect(() => authorize(role, action)).not.toThrow();
    else expect(() => authorize(role, action)).toThrow(expect.objectContaining({ code: "forbidden" }));
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
