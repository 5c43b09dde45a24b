import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH } from "../engine";
import { deriveUsage } from "./derive";
import { UsageFileError } from "./formats";
import { chunksOf, parseUsage, type ParseOptions } from "./parse";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const parse = (text: string, options: Partial<ParseOptions> = {}) =>
  parseUsage(chunksOf(text, 97), { format: "auto", timeZone: "UTC", ...options });
const fileError = async (text: string, options: Partial<ParseOptions> = {}) => {
  const e = await parse(text, options).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UsageFileError);
  return (e as UsageFileError).message;
};

// Each fixture's expected figures are worked by hand in the comments beside them.
describe("usage exports, one fixture per format", () => {
  it("OpenAI completions usage (hourly buckets grouped by model)", async () => {
    const r = await parse(fixture("openai-usage-completions.json"));
    expect(r.format).toBe("openai");
    const d = deriveUsage(r.aggregate);
    // 100 + 200 + 50 + 100 requests; input 120k + 240k + 50k + 120k, of which cached 60k + 120k + 60k.
    expect(d.totals).toMatchObject({ requests: 450, inputTokens: 530_000, cachedInputTokens: 240_000, outputTokens: 90_000 });
    // Two days (Nov 2 09:00 to Nov 3 10:00): 225 requests a day × 30.42 days.
    expect(d.period.days).toBe(2);
    expect(d.requestsPerMonth).toBe(Math.round(225 * DAYS_PER_MONTH));
    expect(d.workload).toMatchObject({ inputTokensPerRequest: 1178, outputTokensPerRequest: 200, apiCacheReadShare: 0.4528 });
    // 09:00 occurs twice in the period with 200 requests (100 a time), 10:00 once with 250.
    expect(d.profile!.hourly[9]).toBeCloseTo(100 / 350, 4);
    expect(d.profile!.hourly[10]).toBeCloseTo(250 / 350, 4);
    expect(d.profile).toMatchObject({ activeHoursPerDay: 2, peakToAverage: 1.43 });
    expect(d.models.map((m) => [m.model, m.requests])).toEqual([
      ["gpt-4o-mini-2024-07-18", 400],
      ["gpt-4.1-2025-04-14", 50],
    ]);
    expect(d.inputTokens).toBeNull(); // buckets, not requests: no distribution
    expect(d.gaps).toEqual([]);
    expect(d.monthlyGrowth).toBeNull();
  });

  it("OpenAI: one model picked re-derives without the file", async () => {
    const r = await parse(fixture("openai-usage-completions.json"));
    const d = deriveUsage(r.aggregate, { models: ["gpt-4.1-2025-04-14"] });
    expect(d.totals.requests).toBe(50);
    expect(d.workload.inputTokensPerRequest).toBe(1000);
    expect(d.profile!.hourly[10]).toBe(1);
  });

  it("Anthropic usage report (daily buckets, no request counts)", async () => {
    const r = await parse(fixture("anthropic-usage-report.json"));
    expect(r.format).toBe("anthropic");
    const bare = deriveUsage(r.aggregate);
    // Per day 400k uncached + 1.2M cache read + 100k cache writes = 1.7M input; 3 days.
    expect(bare.totals).toMatchObject({ requests: null, inputTokens: 5_100_000, cachedInputTokens: 3_600_000, cacheWriteTokens: 300_000 });
    expect(bare.requestsPerMonth).toBeNull();
    expect(bare.workload.requestsPerMonth).toBeUndefined();
    expect(bare.workload).toMatchObject({ apiCacheReadShare: 0.7059, apiCacheWriteShare: 0.0588 });
    expect(bare.profile).toBeNull();
    expect(bare.notes.join(" ")).toMatch(/no request counts/);
    expect(bare.notes.join(" ")).toMatch(/Buckets of 24 hours/);
    // With 30,000 requests a month: 1.7M input tokens a day × 30.42 / 30,000 = 1,724 per request; output 150k a day → 152.
    const d = deriveUsage(r.aggregate, { requestsPerMonth: 30_000 });
    expect(d.workload).toMatchObject({ requestsPerMonth: 30_000, inputTokensPerRequest: 1724, outputTokensPerRequest: 152 });
  });

  it("LiteLLM spend logs (CSV, one row per request, timestamps without a zone)", async () => {
    const r = await parse(fixture("litellm-spend-logs.csv"));
    expect(r.format).toBe("litellm");
    const d = deriveUsage(r.aggregate);
    // a1, a2, a5, a6 count; a3 failed and a4 was the proxy's cache hit.
    expect(d.totals).toMatchObject({
      rows: 4,
      requests: 4,
      inputTokens: 7000,
      cachedInputTokens: 3400,
      cacheWriteTokens: 500,
      outputTokens: 1200,
    });
    expect(r.aggregate.skipped).toEqual({ "failed requests": 1, "answered from the proxy's own cache": 1 });
    expect(d.models.map((m) => m.model)).toEqual(["gpt-4o-mini", "claude-sonnet"]);
    expect(d.requestsPerMonth).toBe(Math.round(2 * DAYS_PER_MONTH));
    expect(d.workload).toMatchObject({
      inputTokensPerRequest: 1750,
      outputTokensPerRequest: 300,
      apiCacheReadShare: 0.4857,
      apiCacheWriteShare: 0.0714,
    });
    // 09:00 twice (3 requests), 10:00 once (1): 1.5 and 1 a time.
    expect(d.profile!.hourly[9]).toBeCloseTo(0.6, 4);
    expect(d.profile).toMatchObject({ peakToAverage: 1.2, activeHoursPerDay: 2 });
    expect(d.latencyMs!.p50).toBeGreaterThan(1500);
    expect(d.latencyMs!.p50).toBeLessThan(3500);
    expect(d.notes.join(" ")).toMatch(/no time zone/);
  });

  it("LiteLLM spend logs as a JSON array", async () => {
    const rows = [
      {
        request_id: "r1",
        startTime: "2026-11-02T09:00:00Z",
        endTime: "2026-11-02T09:00:02Z",
        model: "gpt-4o",
        prompt_tokens: 500,
        completion_tokens: 50,
        status: "success",
        metadata: { usage_object: { prompt_tokens_details: { cached_tokens: 100 } } },
      },
      {
        request_id: "r2",
        startTime: "2026-11-02T10:00:00Z",
        model: "gpt-4o",
        prompt_tokens: 1500,
        completion_tokens: 150,
        status: "success",
      },
    ];
    const r = await parse(JSON.stringify(rows, null, 1));
    expect(deriveUsage(r.aggregate).totals).toMatchObject({ requests: 2, inputTokens: 2000, cachedInputTokens: 100, outputTokens: 200 });
  });

  it("generic CSV", async () => {
    const r = await parse(fixture("generic-usage.csv"));
    expect(r.format).toBe("generic");
    const d = deriveUsage(r.aggregate);
    expect(d.totals).toMatchObject({ requests: 5, inputTokens: 7500, cachedInputTokens: 3000, outputTokens: 1150 });
    expect(d.workload).toMatchObject({
      requestsPerMonth: Math.round(2.5 * DAYS_PER_MONTH),
      inputTokensPerRequest: 1500,
      outputTokensPerRequest: 230,
      apiCacheReadShare: 0.4,
    });
    // 08:00 twice (3 requests) and 13:00 once (2): 1.5 and 2 a time.
    expect(d.profile!.hourly[13]).toBeCloseTo(2 / 3.5, 4);
    expect(d.profile).toMatchObject({ peakToAverage: 1.14, activeHoursPerDay: 2 });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.bytes).toBe(Buffer.byteLength(fixture("generic-usage.csv")));
  });
});

/** A generic CSV with `perHour(day, hour)` requests at each hour, days from Monday 2026-11-02. */
function syntheticCsv(days: number, perHour: (day: number, hour: number) => number): string {
  const lines = ["timestamp,model,input_tokens,cached_input_tokens,output_tokens"];
  const start = Date.UTC(2026, 10, 2);
  for (let d = 0; d < days; d++)
    for (let h = 0; h < 24; h++)
      for (let i = 0; i < perHour(d, h); i++) lines.push(`${new Date(start + (d * 24 + h) * 3.6e6 + i * 1000).toISOString()},m,1000,0,100`);
  return lines.join("\n") + "\n";
}

describe("profile and growth on synthetic files whose answer is known", () => {
  it("business hours: 10 requests an hour 09-17, 30 at noon, nothing at night", async () => {
    const text = syntheticCsv(28, (_, h) => (h === 12 ? 30 : h >= 9 && h < 17 ? 10 : 0));
    const d = deriveUsage((await parse(text)).aggregate);
    // 8 active hours carrying 7×10 + 30 = 100 a day: mean 12.5, peak 30 → 2.4.
    expect(d.profile).toMatchObject({ activeHoursPerDay: 8, peakToAverage: 2.4 });
    expect(d.profile!.hourly[12]).toBeCloseTo(0.3, 5);
    expect(d.profile!.weekly.every((w) => Math.abs(w - 1 / 7) < 1e-4)).toBe(true);
    expect(d.requestsPerMonth).toBe(Math.round(100 * DAYS_PER_MONTH));
    // 28 days: the first and last are left out as possibly partial, so the rate is of the 26 between.
    expect(d.volumeWindowDays).toBe(26);
  });

  it("weekdays only: the weekly profile puts nothing on Saturday and Sunday", async () => {
    const text = syntheticCsv(14, (day, h) => (day % 7 < 5 && h === 10 ? 5 : 0));
    const d = deriveUsage((await parse(text)).aggregate);
    expect(d.profile!.weekly.slice(5)).toEqual([0, 0]);
    expect(d.profile!.weekly[0]).toBeCloseTo(0.2, 5);
    expect(d.gaps).toEqual([{ from: "2026-11-07", to: "2026-11-08", days: 2 }]);
  });

  it("10% a month growth over 12 weeks is found", async () => {
    const text = syntheticCsv(84, (day, h) => (h === 12 ? Math.round(200 * Math.pow(1.1, day / DAYS_PER_MONTH)) : 0));
    const d = deriveUsage((await parse(text)).aggregate);
    expect(d.monthlyGrowth).toBeCloseTo(0.1, 2);
    expect(d.workload.monthlyGrowth).toBe(d.monthlyGrowth);
  });

  it("a weekday pattern and a nearly empty last day do not bend the growth", async () => {
    const perDay = (day: number) => Math.round((day % 7 < 5 ? 300 : 40) * Math.pow(1.08, day / DAYS_PER_MONTH));
    const text = syntheticCsv(92, (day, h) => (day === 91 ? (h === 0 ? 1 : 0) : h === 12 ? perDay(day) : 0));
    const d = deriveUsage((await parse(text)).aggregate);
    expect(d.monthlyGrowth).toBeCloseTo(0.08, 2);
  });

  it("a time zone moves the profile to local hours", async () => {
    const text = syntheticCsv(7, (_, h) => (h === 14 ? 10 : 0)); // 14:00 UTC
    const d = deriveUsage((await parse(text, { timeZone: "America/New_York" })).aggregate);
    expect(d.profile!.hourly[9]).toBe(1); // 09:00 in New York in November (UTC-5)
    expect(d.workload.profileUtcOffsetHours).toBe(-5);
  });
});

describe("bad input: a clear message naming the line and field, nothing used", () => {
  it("refuses a file of the wrong format", async () => {
    expect(await fileError(fixture("generic-usage.csv"), { format: "openai" })).toMatch(/looks like Generic CSV, not OpenAI/);
    expect(await fileError("name,price\na,1\n")).toMatch(/Could not tell the file's format/);
    expect(await fileError('{"hello": 1}', { format: "anthropic" })).toMatch(/not Anthropic usage report.*"data"/);
  });

  it("names a missing column", async () => {
    const msg = await fileError("timestamp,model,input_tokens,output_tokens\n2026-11-02T08:00:00Z,m,1,1\n", { format: "generic" });
    expect(msg).toMatch(/Line 1: missing column "cached_input_tokens"/);
  });

  it("refuses an empty file and a file over the limit", async () => {
    expect(await fileError("")).toBe("The file is empty.");
    expect(await fileError("\n  \n")).toBe("The file is empty.");
    expect(await fileError(fixture("generic-usage.csv"), { maxBytes: 100 })).toBe("The file is larger than the 100-byte limit.");
  });

  it("lists bad rows (negative count, a date that does not parse, mixed time zones) and keeps the good ones apart", async () => {
    const text = [
      "timestamp,model,input_tokens,cached_input_tokens,output_tokens",
      "2026-11-02T08:00:00Z,m,100,0,10",
      "2026-11-02T09:00:00Z,m,-5,0,10",
      "yesterday,m,100,0,10",
      "2026-11-02T10:00:00+05:30,m,100,0,10",
      "2026-11-02T11:00:00,m,100,0,10",
      "2026-11-02T12:00:00Z,m,100,200,10",
      "2026-11-02T13:00:00Z,m,100,0,10",
    ].join("\n");
    const r = await parse(text);
    expect(r.badRowCount).toBe(5);
    expect(r.badRows.map((b) => [b.line, b.field])).toEqual([
      [3, "input_tokens"],
      [4, "timestamp"],
      [5, "timestamp"],
      [6, "timestamp"],
      [7, "cached_input_tokens"],
    ]);
    expect(r.badRows[0].message).toBe("-5 is negative");
    expect(r.badRows[1].message).toMatch(/"yesterday" is not a date/);
    expect(r.badRows[2].message).toMatch(/\+05:30 but earlier rows have UTC: rows in mixed time zones/);
    expect(r.badRows[3].message).toMatch(/no time zone but line 2 has UTC/);
    expect(deriveUsage(r.aggregate).totals.requests).toBe(2);
  });

  it("accepts a daylight-saving change of offset but not a second zone", async () => {
    const text = [
      "timestamp,model,input_tokens,cached_input_tokens,output_tokens",
      "2026-10-24T08:00:00+02:00,m,1,0,1",
      "2026-10-26T08:00:00+01:00,m,1,0,1",
      "2026-10-27T08:00:00+09:00,m,1,0,1",
    ].join("\n");
    const r = await parse(text);
    expect(r.badRows.map((b) => b.line)).toEqual([4]);
  });

  it("a file where no row can be read is refused whole", async () => {
    expect(await fileError("timestamp,model,input_tokens,cached_input_tokens,output_tokens\nnope,m,1,0,1\n")).toMatch(
      /None of the 1 rows could be read; the first: line 2, timestamp/,
    );
  });

  it("names the JSON line that does not parse", async () => {
    expect(await fileError('{"object": "page", "data": [{"start_time": 1}\n')).toMatch(/Line 1: not valid JSON/);
  });
});
