import { expect, test } from "vitest";
import { formatFieldNumber, formatUsd, formatUsdCompact, groupDigits, parseFieldNumber } from "./numbers";

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

test("number fields show grouped digits and read them back", () => {
  expect(formatFieldNumber(8_000_000)).toBe("8,000,000");
  expect(formatFieldNumber(0.375)).toBe("0.375");
  expect(formatFieldNumber(1234.5)).toBe("1,234.5");
  expect(formatFieldNumber(-2500)).toBe("-2,500");
  expect(formatFieldNumber(null)).toBe("");
  for (const v of [8_000_000, 0.375, 1234.5, -2500, 0, 42]) expect(parseFieldNumber(formatFieldNumber(v))).toBe(v);
});

test("number fields accept separators and k/M/B, and nothing else", () => {
  expect(parseFieldNumber("8 000 000")).toBe(8_000_000);
  expect(parseFieldNumber("8_000_000")).toBe(8_000_000);
  expect(parseFieldNumber("8M")).toBe(8_000_000);
  expect(parseFieldNumber("2.5k")).toBe(2500);
  expect(parseFieldNumber("0.1m")).toBe(100_000);
  expect(parseFieldNumber("1e6")).toBe(1_000_000);
  expect(parseFieldNumber("")).toBeNaN();
  expect(parseFieldNumber("8 million")).toBeNaN();
  expect(parseFieldNumber("1.2.3")).toBeNaN();
});

test("compact money reads the same in Node and in browsers (no '$0.0', no '$75.0K')", () => {
  expect(formatUsdCompact(0)).toBe("$0");
  expect(formatUsdCompact(75_000)).toBe("$75K");
  expect(formatUsdCompact(1_500)).toBe("$1.5K");
});
