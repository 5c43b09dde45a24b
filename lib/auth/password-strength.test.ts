import { describe, expect, test } from "vitest";
import { assertStrongPassword } from "./password-strength";

describe("password strength", () => {
  test.each(["          ", "password123", "1234567890", "qwertyuiop", "jane.doe@example.com"])(
    "%j is refused with the field named",
    (password) => {
      expect(() => assertStrongPassword(password, "password", ["jane.doe@example.com", "Jane Doe"])).toThrow(
        expect.objectContaining({ code: "validation", fieldErrors: { password: [expect.stringMatching(/too easy to guess/)] } }),
      );
    },
  );
  test.each(["correct horse battery", "a long password", "breakeven-demo"])("%j is accepted", (password) => {
    expect(() => assertStrongPassword(password, "password")).not.toThrow();
  });
});
