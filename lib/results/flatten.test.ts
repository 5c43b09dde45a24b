import { expect, test } from "vitest";
import { flatten, sideBySide } from "./flatten";

test("flatten names every leaf by its path", () => {
  expect(flatten({ a: 1, b: { c: "x", d: [true, null] }, e: [] })).toEqual({ a: 1, "b.c": "x", "b.d.0": true, "b.d.1": null, e: "—" });
});

test("sideBySide marks the rows that differ, including paths only one side has", () => {
  const rows = sideBySide([flatten({ a: 1, b: 2 }), flatten({ a: 1, b: 3, c: 4 })]);
  expect(rows).toEqual([
    { path: "a", values: [1, 1], differs: false },
    { path: "b", values: [2, 3], differs: true },
    { path: "c", values: [undefined, 4], differs: true },
  ]);
});
