import { expect, test } from "vitest";
import { curveChart, curveLayout } from "./chart-data";
import { evaluateScenario } from "../engine";
import { readFileSync } from "node:fs";

const box = { width: 640, height: 280, left: 60, right: 20, top: 10, bottom: 30 };

test("the cost curve's volume axis is logarithmic and numeric, with today and the breakeven where they belong", () => {
  const chart = {
    volumes: [1e5, 1e6, 1e7],
    series: [{ label: "A", values: [10, 100, 1000] }],
    marks: [
      { volume: 1e6, label: "today" as const },
      { volume: 3.2e6, label: "breakeven" as const },
    ],
  };
  const g = curveLayout(chart, box);
  // 1M sits halfway between 100K and 10M on a log axis.
  expect(g.marks[0].at).toBeCloseTo(box.left + (box.width - box.left - box.right) / 2, 6);
  expect(g.marks[1].at).toBeCloseTo(box.left + ((Math.log10(3.2e6) - 5) / 2) * 560, 6);
  expect(g.xTicks.map((t) => t.text)).toEqual(["100K", "200K", "500K", "1M", "2M", "5M", "10M"]);
  expect(g.yTicks.at(-1)!.value).toBe(1000);
  expect(g.lines[0].points.split(" ")).toHaveLength(3);
});

test("an evaluated example marks today's volume and its breakeven on the curve", () => {
  const input = JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));
  const e = evaluateScenario(input);
  const chart = curveChart(e)!;
  expect(chart.marks[0]).toEqual({ volume: e.workload.requestsPerMonth, label: "today" });
  const be = e.breakeven.find((b) => b.selfHostId === e.comparison?.selfHostId)!.fullyLoaded;
  expect(chart.marks.some((m) => m.label === "breakeven")).toBe(be.reached && !be.everyVolume);
  expect(chart.series.length).toBe(e.options.filter((o) => o.feasible).length);
});
