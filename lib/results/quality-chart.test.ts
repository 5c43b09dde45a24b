import { expect, test } from "vitest";
import type { Evaluation } from "../engine";
import { qualityChart, qualityLayout } from "./quality-chart";

const option = (id: string, quality: number | null, monthlyCost: number) => ({ id, label: id, feasible: true, quality, monthlyCost });
const evaluation = (options: ReturnType<typeof option>[]) => ({ options }) as unknown as Evaluation;
const box = { width: 400, height: 200, left: 50, right: 10, top: 10, bottom: 30 };

test("better quality sits right, higher cost sits up; options without a figure are left out", () => {
  const chart = qualityChart(evaluation([option("cheap", 0.6, 1000), option("good", 0.9, 4000), option("unmeasured", null, 500)]))!;
  expect(chart.points.map((p) => p.label)).toEqual(["cheap", "good"]);
  const g = qualityLayout(chart, box);
  const [cheap, good] = g.points;
  expect(good.cx).toBeGreaterThan(cheap.cx);
  expect(good.cy).toBeLessThan(cheap.cy);
  // Axis from 50% (the lowest, rounded down, less 10 points) to 100%; cost from $0 to $4,000.
  expect(g.xTicks.map((t) => t.text)).toEqual(["50%", "60%", "70%", "80%", "90%", "100%"]);
  expect(g.yTicks.map((t) => t.value)).toEqual([0, 2000, 4000]);
});

test("no chart below two measured options", () => {
  expect(qualityChart(evaluation([option("one", 0.8, 100), option("other", null, 50)]))).toBeNull();
});
