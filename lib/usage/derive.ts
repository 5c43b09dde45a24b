// The workload a usage aggregate implies, for all of its models or a chosen few. Pure, so the
// preview re-derives in the browser when the user ticks models, and the server derives the
// same figures when it saves.
import { DAYS_PER_MONTH, HOURS_PER_DAY, profileShape, type Workload } from "../engine";
import { binValue, HOURS_PER_WEEK, type DayTotals, type ModelAggregate, type UsageAggregate } from "./aggregate";

const MS_PER_DAY = 86_400_000;
/** Volume is the rate of the last four weeks of whole days (every weekday counted equally), or of the whole period when shorter. */
export const VOLUME_WINDOW_DAYS = 28;
/** Growth is fitted only on at least eight weeks of history: fewer mostly measure noise. */
export const MIN_GROWTH_DAYS = 56;
const GROWTH_LIMITS = { min: -0.5, max: 2 };
const MAX_INPUT_TOKENS = 2_000_000;
const MAX_OUTPUT_TOKENS = 200_000;

export type Percentiles = { p50: number; p90: number; p99: number };
export type DerivedUsage = {
  period: { start: string; end: string; days: number; timeZone: string };
  models: { model: string; requests: number | null; inputTokens: number; outputTokens: number; share: number }[];
  totals: {
    rows: number;
    requests: number | null;
    inputTokens: number;
    cachedInputTokens: number;
    cacheWriteTokens: number;
    outputTokens: number;
  };
  requestsPerMonth: number | null;
  /** Days the monthly volume is measured over (the last ones of the period). */
  volumeWindowDays: number;
  meanInputTokens: number | null;
  meanOutputTokens: number | null;
  /** Per-request distributions: only exports with one row per request have them. */
  inputTokens: Percentiles | null;
  outputTokens: Percentiles | null;
  latencyMs: Percentiles | null;
  cacheReadShare: number;
  cacheWriteShare: number;
  /** Share of the day's load in each local hour and of the week's in each day (Monday first). */
  profile: { hourly: number[]; weekly: number[]; peakToAverage: number; activeHoursPerDay: number } | null;
  busiestDayOverMean: number | null;
  monthlyGrowth: number | null;
  daily: { date: string; requests: number; inputTokens: number; outputTokens: number }[];
  gaps: { from: string; to: string; days: number }[];
  /** The workload fields this import sets; fields it cannot derive are left out. */
  workload: Partial<Workload>;
  notes: string[];
};

export type DeriveOptions = {
  /** Only these models (all when absent or empty). */
  models?: string[];
  /** Requests a month, for exports without request counts. */
  requestsPerMonth?: number | null;
};

const isoDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function percentiles(histogram: number[]): Percentiles | null {
  const n = histogram.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const at = (q: number) => {
    let seen = 0;
    for (let b = 0; b < histogram.length; b++) {
      seen += histogram[b];
      if (seen >= q * n) return Math.round(binValue(b));
    }
    return Math.round(binValue(histogram.length - 1));
  };
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

const sumArrays = (arrays: number[][], length: number) =>
  arrays.reduce((acc, a) => acc.map((v, i) => v + a[i]), new Array(length).fill(0) as number[]);

/**
 * Monthly growth from whole weeks: the least-squares slope of ln(weekly volume), so the weekday
 * pattern cancels out, compounded over a month. Null with fewer than eight weeks.
 */
function fittedMonthlyGrowth(dailyVolumes: number[]): number | null {
  const weeks = Math.floor(dailyVolumes.length / 7);
  if (weeks < MIN_GROWTH_DAYS / 7) return null;
  const start = dailyVolumes.length - weeks * 7;
  const points = Array.from({ length: weeks }, (_, w) => dailyVolumes.slice(start + w * 7, start + w * 7 + 7).reduce((a, b) => a + b, 0))
    .map((v, w) => [w * 7, v] as const)
    .filter(([, v]) => v > 0);
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((a, [d]) => a + d, 0) / n;
  const my = points.reduce((a, [, v]) => a + Math.log(v), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [d, v] of points) {
    sxy += (d - mx) * (Math.log(v) - my);
    sxx += (d - mx) ** 2;
  }
  const monthly = Math.exp((sxy / sxx) * DAYS_PER_MONTH) - 1;
  return round(Math.min(GROWTH_LIMITS.max, Math.max(GROWTH_LIMITS.min, monthly)), 4);
}

/** An export over more than a week usually starts and ends mid-day: its first and last days are left out of rates. */
const PARTIAL_EDGE_MIN_DAYS = 8;

type DaySpan = { firstDay: number; lastDay: number; spanDays: number; days: Map<number, DayTotals> };

/** Daily totals of the chosen models, keyed by local day, and the period's first and last day. */
function daySpan(agg: UsageAggregate, selected: ModelAggregate[]): DaySpan {
  const days = new Map<number, DayTotals>();
  for (const m of selected)
    for (const [k, t] of Object.entries(m.days)) {
      const d = days.get(Number(k)) ?? [0, 0, 0, 0, 0];
      days.set(Number(k), d.map((v, i) => v + t[i]) as DayTotals);
    }
  const offset = agg.utcOffsetMinutes * 60_000;
  const firstDay = Math.floor((agg.firstMs + offset) / MS_PER_DAY);
  const lastDay = Math.floor((agg.lastMs - 1 + offset) / MS_PER_DAY);
  return { firstDay, lastDay, spanDays: agg.rows > 0 ? lastDay - firstDay + 1 : 0, days };
}

/** Every day of the period (days without rows at zero) and the runs of days without any. */
function dailySeries({ firstDay, lastDay, days }: DaySpan) {
  const daily: DerivedUsage["daily"] = [];
  const gaps: DerivedUsage["gaps"] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    const t = days.get(d);
    daily.push({ date: isoDay(d), requests: t?.[0] ?? 0, inputTokens: t?.[1] ?? 0, outputTokens: t?.[4] ?? 0 });
    if (t) continue;
    const open = gaps[gaps.length - 1];
    if (open && open.to === isoDay(d - 1)) Object.assign(open, { to: isoDay(d), days: open.days + 1 });
    else gaps.push({ from: isoDay(d), to: isoDay(d), days: 1 });
  }
  return { daily, gaps };
}

const shares = (a: number[]) => {
  const s = a.reduce((x, y) => x + y, 0);
  return a.map((v) => (s > 0 ? round(v / s, 5) : 0));
};

/** The 24-hour profile (mean load per occurrence of each local hour) and the 7-day one (per weekday). */
function profileOf(agg: UsageAggregate, selected: ModelAggregate[], span: DaySpan): NonNullable<DerivedUsage["profile"]> {
  const week = sumArrays(
    selected.map((m) => m.hourOfWeek),
    HOURS_PER_WEEK,
  );
  const occ = agg.hourOccurrences;
  const hourly = Array.from({ length: HOURS_PER_DAY }, (_, h) => {
    let load = 0;
    let seen = 0;
    for (let d = 0; d < 7; d++) {
      load += week[d * 24 + h];
      seen += occ[d * 24 + h];
    }
    return seen > 0 ? load / seen : 0;
  });
  // Each weekday's load over the number of those weekdays the period touches.
  const weekdays = new Array(7).fill(0);
  for (let d = span.firstDay; d <= span.lastDay; d++) weekdays[(((d + 3) % 7) + 7) % 7]++;
  const weekly = Array.from({ length: 7 }, (_, d) => {
    const load = week.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0);
    return weekdays[d] > 0 ? load / weekdays[d] : 0;
  });
  const shape = profileShape(hourly);
  return {
    hourly: shares(hourly),
    weekly: shares(weekly),
    peakToAverage: round(shape.peakToAverage, 2),
    activeHoursPerDay: shape.activeHoursPerDay,
  };
}

/** The workload fields the figures set (the per-request ones only when requests are known). */
function workloadOf(
  d: Pick<
    DerivedUsage,
    "requestsPerMonth" | "meanInputTokens" | "meanOutputTokens" | "cacheReadShare" | "cacheWriteShare" | "profile" | "monthlyGrowth"
  >,
  utcOffsetMinutes: number,
) {
  const workload: Partial<Workload> = { apiCacheReadShare: d.cacheReadShare, apiCacheWriteShare: d.cacheWriteShare };
  if (d.requestsPerMonth != null && d.meanInputTokens != null && d.meanOutputTokens != null) {
    workload.requestsPerMonth = d.requestsPerMonth;
    workload.inputTokensPerRequest = Math.min(MAX_INPUT_TOKENS, Math.round(d.meanInputTokens));
    workload.outputTokensPerRequest = Math.min(MAX_OUTPUT_TOKENS, Math.max(1, Math.round(d.meanOutputTokens)));
  }
  if (d.profile) {
    Object.assign(workload, {
      hourlyProfile: d.profile.hourly,
      peakToAverage: Math.min(50, d.profile.peakToAverage),
      activeHoursPerDay: d.profile.activeHoursPerDay,
      profileUtcOffsetHours: round(utcOffsetMinutes / 60, 2),
    });
  }
  if (d.monthlyGrowth != null) workload.monthlyGrowth = d.monthlyGrowth;
  return workload;
}

function totalsOf(selected: ModelAggregate[], requestsKnown: boolean): DerivedUsage["totals"] {
  const sum = (f: (m: ModelAggregate) => number) => selected.reduce((a, m) => a + f(m), 0);
  return {
    rows: sum((m) => m.rows),
    requests: requestsKnown ? sum((m) => m.requests) : null,
    inputTokens: sum((m) => m.input),
    cachedInputTokens: sum((m) => m.cachedInput),
    cacheWriteTokens: sum((m) => m.cacheWrite),
    outputTokens: sum((m) => m.output),
  };
}

/** Every model of the file, biggest first, with its share of the chosen models' volume (0 when left out). */
function modelRows(agg: UsageAggregate, chosen: string[], requestsKnown: boolean): DerivedUsage["models"] {
  const volume = (m: ModelAggregate) => (requestsKnown ? m.requests : m.input + m.output);
  const all = chosen.reduce((a, n) => a + volume(agg.models[n]), 0);
  return Object.entries(agg.models)
    .map(([model, m]) => ({
      model,
      requests: m.requestsKnown ? m.requests : null,
      inputTokens: m.input,
      outputTokens: m.output,
      share: chosen.includes(model) && all > 0 ? round(volume(m) / all, 4) : 0,
    }))
    .sort((a, b) => b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens));
}

export function deriveUsage(agg: UsageAggregate, options: DeriveOptions = {}): DerivedUsage {
  const names = Object.keys(agg.models);
  const chosen = options.models?.length ? names.filter((n) => options.models!.includes(n)) : names;
  const selected: ModelAggregate[] = chosen.map((n) => agg.models[n]);
  const notes: string[] = [];
  const requestsKnown = selected.length > 0 && selected.every((m) => m.requestsKnown);
  const sum = (f: (m: ModelAggregate) => number) => selected.reduce((a, m) => a + f(m), 0);
  const totals = totalsOf(selected, requestsKnown);
  const span = daySpan(agg, selected);
  const { daily, gaps } = dailySeries(span);
  if (gaps.length)
    notes.push(`${gaps.reduce((a, g) => a + g.days, 0)} day(s) of the period have no usage at all: check the export is complete.`);

  // Monthly volume: the rate over the last four weeks (or the whole period when shorter).
  const edge = span.spanDays >= PARTIAL_EDGE_MIN_DAYS ? 1 : 0;
  const windowDays = Math.min(VOLUME_WINDOW_DAYS, span.spanDays - 2 * edge);
  const windowEnd = span.lastDay - edge;
  const windowStart = windowEnd - windowDays + 1;
  const inWindow = ([d]: [number, DayTotals]) => d >= windowStart && d <= windowEnd;
  const perMonth = (i: number) =>
    windowDays > 0 ? ([...span.days].filter(inWindow).reduce((a, [, t]) => a + t[i], 0) / windowDays) * DAYS_PER_MONTH : 0;
  const requestsPerMonth = requestsKnown && windowDays > 0 ? perMonth(0) : (options.requestsPerMonth ?? null);
  if (!requestsKnown)
    notes.push(
      options.requestsPerMonth != null
        ? "This export has no request counts: tokens per request use the requests per month you entered."
        : "This export has no request counts: enter requests per month to turn its tokens into a per-request workload.",
    );
  const meanInput = requestsPerMonth ? perMonth(1) / requestsPerMonth : null;
  const meanOutput = requestsPerMonth ? perMonth(4) / requestsPerMonth : null;

  let profile: DerivedUsage["profile"] = null;
  if (agg.maxBucketSeconds > 3600)
    notes.push(
      `Buckets of ${Math.round(agg.maxBucketSeconds / 3600)} hours: no hour-of-day profile; export hourly buckets (bucket_width=1h) for one.`,
    );
  else if (totals.rows > 0) profile = profileOf(agg, selected, span);

  const volumes = daily.map((d) => (requestsKnown ? d.requests : d.inputTokens + d.outputTokens));
  const meanDay = volumes.reduce((a, b) => a + b, 0) / (volumes.length || 1);
  const busiestDayOverMean = meanDay > 0 ? round(Math.max(...volumes) / meanDay, 2) : null;
  let monthlyGrowth: number | null = null;
  const whole = edge ? volumes.slice(1, -1) : volumes;
  if (whole.length >= MIN_GROWTH_DAYS) monthlyGrowth = fittedMonthlyGrowth(whole);
  else if (span.spanDays > 0)
    notes.push(
      `${whole.length} whole day(s) of history: growth needs at least ${MIN_GROWTH_DAYS} (eight weeks), so the typed growth stays.`,
    );

  const merged = (f: (m: ModelAggregate) => number[]) => sumArrays(selected.map(f), selected[0]?.inputHistogram.length ?? 0);
  const perRequest = sum((m) => m.perRequestRows) > 0;
  const skipped = Object.entries(agg.skipped);
  if (skipped.length) notes.push(`Skipped rows: ${skipped.map(([why, n]) => `${n} ${why}`).join(", ")}.`);
  if (agg.naiveTimestamps) notes.push(`Timestamps carry no time zone: they were read as ${agg.timeZone} wall-clock time.`);

  const input = totals.inputTokens;
  const figures = {
    requestsPerMonth: requestsPerMonth == null ? null : Math.round(requestsPerMonth),
    meanInputTokens: meanInput == null ? null : round(meanInput, 1),
    meanOutputTokens: meanOutput == null ? null : round(meanOutput, 1),
    cacheReadShare: input > 0 ? round(totals.cachedInputTokens / input, 4) : 0,
    cacheWriteShare: input > 0 ? round(totals.cacheWriteTokens / input, 4) : 0,
    profile,
    monthlyGrowth,
  };
  return {
    period: {
      start: new Date(agg.firstMs).toISOString(),
      end: new Date(agg.lastMs).toISOString(),
      days: span.spanDays,
      timeZone: agg.timeZone,
    },
    models: modelRows(agg, chosen, requestsKnown),
    totals,
    ...figures,
    volumeWindowDays: windowDays,
    inputTokens: perRequest ? percentiles(merged((m) => m.inputHistogram)) : null,
    outputTokens: perRequest ? percentiles(merged((m) => m.outputHistogram)) : null,
    latencyMs: perRequest ? percentiles(merged((m) => m.latencyHistogram)) : null,
    busiestDayOverMean,
    daily,
    gaps,
    workload: workloadOf(figures, agg.utcOffsetMinutes),
    notes,
  };
}
