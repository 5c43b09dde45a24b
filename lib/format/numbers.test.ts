import { expect, test } from "vitest";
import { formatUsd, groupDigits } from "./numbers";

test("money reads the same on screen, in the memo and in the engine's sentences", () => {
  expect(formatUsd(45.5)).toBe("$45.50");
  expect(formatUsd(99.994)).toBe("$99.99");
  expect(formatUsd(1234.5)).toBe("$1,235");
  expect(formatUsd(-12_345_678.4)).toBe("−$12,345,678");
  expect(formatUsd(-0.001)).toBe("$0.00");
  expect(formatUsd(2.5, 0)).toBe("$3");
  expect(formatUsd(1234.5, 2)).toBe("$1,234.50");
  expect(formatUsd(null)).toBe("—");
  expect(formatUsd(Number.NaN)).toBe("—");
  expect(groupDigits(1234567.891, 2)).toBe("1,234,567.89");
  expect(groupDigits(-1000)).toBe("-1,000");
});
