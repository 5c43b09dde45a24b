import { expect, test } from "vitest";
import { isDatabaseUnreachable, toProblem } from "./errors";

test.each([
  ["node-postgres after the server went away", new Error("Client has encountered a connection error and is not queryable")],
  ["PostgreSQL shutting down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
  ["Prisma's code for an unreachable server", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
])("%s is 503, not 500", (_label, error) => {
  expect(isDatabaseUnreachable(error)).toBe(true);
  expect(toProblem(error).status).toBe(503);
});

test("any other error stays a generic 500", () => {
  expect(toProblem(new Error("boom")).status).toBe(500);
});
