// The workload's 24-hour profile: its shape sizes self-hosting, and it prices off-peak API hours.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { apiCostModel } from "./api-cost";
import { priceFlagText } from "./describe-lines";
import { evaluateScenario } from "./evaluate";
import { dailyProfile, profileShape, shareInUtcWindow, workloadShape } from "./profile";
import { apiOption, workload } from "./test-fixtures";

const example = (name: string) => JSON.parse(readFileSync(join(__dirname, "examples", name), "utf8"));
const flat = new Array(24).fill(1);
// 10 requests an hour from 09:00 to 17:00, 30 at noon, nothing else.
const business = Array.from({ length: 24 }, (_, h) => (h === 12 ? 30 : h >= 9 && h < 17 ? 10 : 0));

describe("profile shape", () => {
  test("active hours and peak-to-average of a business day", () => {
    // Mean of the 8 active hours: (7 × 10 + 30) / 8 = 12.5; peak 30 → 2.4.
    expect(profileShape(business)).toEqual({ peakToAverage: 2.4, activeHoursPerDay: 8 });
    expect(profileShape(flat)).toEqual({ peakToAverage: 1, activeHoursPerDay: 24 });
  });

  test("an hour under 5% of the busiest does not count as active", () => {
    const nights = business.map((v) => (v === 0 ? 1 : v)); // 1 < 5% of 30
    expect(profileShape(nights).activeHoursPerDay).toBe(8);
  });

  test("a typed profile overrides the typed peak ratio and active hours; without one they stay", () => {
    expect(workloadShape(workload({ requestsPerMonth: 1, peakToAverage: 5, activeHoursPerDay: 3, hourlyProfile: business }))).toEqual({
      peakToAverage: 2.4,
      activeHoursPerDay: 8,
    });
    expect(workloadShape(workload({ requestsPerMonth: 1, peakToAverage: 5, activeHoursPerDay: 3 }))).toEqual({
      peakToAverage: 5,
      activeHoursPerDay: 3,
    });
  });

  test("sizing with a profile equals sizing with the peak ratio and active hours it implies", () => {
    const base = example("agent-platform-70b.json");
    const withProfile = { ...base, workload: { ...base.workload, hourlyProfile: business, peakToAverage: 9, activeHoursPerDay: 20 } };
    const typed = { ...base, workload: { ...base.workload, peakToAverage: 2.4, activeHoursPerDay: 8 } };
    const a = evaluateScenario(withProfile, { monteCarloSamples: 0 });
    const b = evaluateScenario(typed, { monteCarloSamples: 0 });
    const selfHost = (e: typeof a) => e.options.map((o) => [o.id, "monthlyCost" in o ? o.monthlyCost : null]);
    expect(selfHost(a)).toEqual(selfHost(b));
    // Without the profile, the typed peak ratio and active hours size the option instead.
    const ignored = evaluateScenario(
      { ...base, workload: { ...base.workload, peakToAverage: 9, activeHoursPerDay: 20 } },
      { monteCarloSamples: 0 },
    );
    expect(selfHost(ignored)).not.toEqual(selfHost(a));
  });
});

describe("off-peak API prices against the profile", () => {
  test("share of a day inside a UTC window", () => {
    const share = (p: number[], offset: number, s: number, e: number) =>
      shareInUtcWindow(dailyProfile(workload({ requestsPerMonth: 1, hourlyProfile: p })), offset, s, e);
    // 16:30-00:30 UTC is 8 of 24 even hours.
    expect(share(flat, 0, 16.5, 0.5)).toBeCloseTo(1 / 3, 10);
    // 09:00-17:00 in New York (UTC-5) is 14:00-22:00 UTC: 16:30-22:00 of it is off-peak. The
    // profile's 100 daily requests: 14:00-16:00 UTC (local 9-10) 20, 16:00-17:00 (11) 10 of which half
    // off-peak, 17:00 (noon) 30, 18:00-21:00 (13-16) 40 → off-peak 5 + 30 + 40 = 75 of 100.
    expect(share(business, -5, 16.5, 0.5)).toBeCloseTo(0.75, 10);
    // The same day in UTC: only the second half of 16:00-17:00 (10 requests) is off-peak.
    expect(share(business, 0, 16.5, 0.5)).toBeCloseTo(0.05, 10);
  });

  test("the bill, worked by hand", () => {
    const w = workload({
      requestsPerMonth: 1_000_000,
      inputTokensPerRequest: 1000,
      outputTokensPerRequest: 100,
      apiCacheReadShare: 0,
      hourlyProfile: flat,
    });
    const o = apiOption({
      prices: { inputPerM: 0.27, outputPerM: 1.1, offPeak: { startHourUtc: 16.5, endHourUtc: 0.5, inputPerM: 0.135, outputPerM: 0.55 } },
      integrationFte: 0,
    });
    const m = apiCostModel(o, w, 200_000);
    // 1,000M input tokens at 0.27 × 2/3 + 0.135 × 1/3 = $0.225 → $225; 100M output at 1.10 × 2/3 + 0.55 × 1/3 → $91.67.
    expect(m.perRequest * 1_000_000).toBeCloseTo(225 + 91.6667, 3);
    expect(m.prices.offPeakShare).toBeCloseTo(1 / 3, 10);
    expect(m.prices.flags.map(priceFlagText).join(" ")).toMatch(/Off-peak prices \(16:30–00:30 UTC\) apply to 33.3% of requests/);
  });
});

describe("service tiers", () => {
  test("flex and batch make no latency commitment, so a latency budget fails", () => {
    const base = example("chat-assistant-8b.json");
    const api = base.apiOptions[0];
    const scenario = {
      ...base,
      apiOptions: [{ ...api, id: "flex", label: "flex", serviceTier: "flex", attributes: { ...api.attributes, ttftP95Ms: 100 } }],
      constraints: [{ id: "ttft", kind: "ttft-budget", p95Ms: 5000 }],
    };
    const e = evaluateScenario(scenario, { monteCarloSamples: 0 });
    const check = e.constraints.flatMap((c) => c.checks).find((v) => v.optionId === "flex");
    expect(check).toMatchObject({ verdict: "fail", detail: expect.stringMatching(/flex tier makes no latency commitment/) });
  });
});
