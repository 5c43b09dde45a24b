// What an import keeps of a usage file: per model, totals, daily totals, an hour-of-week load
// and token-count histograms. Raw rows are folded in one at a time and never kept, so a file of
// any length aggregates in the same small memory, and the workload can be derived again for
// any subset of models without the file.
import type { UsageFormat, UsageRecord } from "./formats";
import { zoneOffsetFn } from "./time";

export const HOURS_PER_WEEK = 168;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
/** Histogram bins per doubling: bin edges 2^(k/4), so a percentile is within about 9%. */
export const BINS_PER_DOUBLING = 4;
const HISTOGRAM_BINS = BINS_PER_DOUBLING * 40 + 1;
const MAX_MODELS = 200;
export const OTHER_MODELS = "(other models)";

/** Daily totals: requests, input, cached input, cache writes, output. */
export type DayTotals = [number, number, number, number, number];

export type ModelAggregate = {
  rows: number;
  requests: number;
  /** False when some rows carry no request count (then requests count only the rows that do). */
  requestsKnown: boolean;
  input: number;
  cachedInput: number;
  cacheWrite: number;
  output: number;
  /** Keyed by the local day's number since 1970-01-01 in the import's time zone. */
  days: Record<string, DayTotals>;
  /** Requests (tokens when the export has no request counts) by local hour of week, Monday 00:00 first. */
  hourOfWeek: number[];
  /** Rows of one request each: they feed the per-request distributions. */
  perRequestRows: number;
  inputHistogram: number[];
  outputHistogram: number[];
  latencyHistogram: number[];
};

export type UsageAggregate = {
  format: UsageFormat;
  timeZone: string;
  /** Timestamps carried no zone and were read in `timeZone`. */
  naiveTimestamps: boolean;
  firstMs: number;
  lastMs: number;
  /** The widest bucket a row covers, seconds (0 = one request per row). */
  maxBucketSeconds: number;
  rows: number;
  skipped: Record<string, number>;
  /** How many times each local hour of the week occurs between the first and last timestamp. */
  hourOccurrences: number[];
  /** UTC offset of the time zone at the end of the period, minutes. */
  utcOffsetMinutes: number;
  models: Record<string, ModelAggregate>;
};

export const histogramBin = (x: number) => (x < 1 ? 0 : Math.min(HISTOGRAM_BINS - 1, 1 + Math.floor(Math.log2(x) * BINS_PER_DOUBLING)));
/** The geometric middle of a bin, the value a percentile falling in it reports. */
export const binValue = (bin: number) => (bin === 0 ? 0 : Math.pow(2, (bin - 0.5) / BINS_PER_DOUBLING));

function emptyModel(): ModelAggregate {
  return {
    rows: 0,
    requests: 0,
    requestsKnown: true,
    input: 0,
    cachedInput: 0,
    cacheWrite: 0,
    output: 0,
    days: {},
    hourOfWeek: new Array(HOURS_PER_WEEK).fill(0),
    perRequestRows: 0,
    inputHistogram: new Array(HISTOGRAM_BINS).fill(0),
    outputHistogram: new Array(HISTOGRAM_BINS).fill(0),
    latencyHistogram: new Array(HISTOGRAM_BINS).fill(0),
  };
}

/** 1970-01-01 was a Thursday: day 0 is hour-of-week 3 × 24 when weeks start on Monday. */
const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;

export class UsageAggregator {
  private models = new Map<string, ModelAggregate>();
  private offsetAt: (ms: number) => number;
  private first = Infinity;
  private last = -Infinity;
  private maxBucket = 0;
  private rows = 0;
  readonly skipped: Record<string, number> = {};

  constructor(
    private format: UsageFormat,
    private timeZone: string,
  ) {
    this.offsetAt = zoneOffsetFn(timeZone);
  }

  get rowCount() {
    return this.rows;
  }

  skip(reason: string) {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  /** Folds one row in. A timestamp without a zone is wall-clock time in the import's zone. */
  add(r: UsageRecord) {
    const utc = r.stamp.offsetMinutes == null ? r.stamp.ms - this.offsetAt(r.stamp.ms) * 60_000 : r.stamp.ms;
    const localMs = utc + this.offsetAt(utc) * 60_000;
    const end = utc + r.bucketSeconds * 1000;
    if (utc < this.first) this.first = utc;
    if (end > this.last) this.last = end;
    if (r.bucketSeconds > this.maxBucket) this.maxBucket = r.bucketSeconds;
    this.rows++;
    const m = this.model(r.model);
    m.rows++;
    if (r.requests == null) m.requestsKnown = false;
    const requests = r.requests ?? 0;
    m.requests += requests;
    m.input += r.input;
    m.cachedInput += r.cachedInput;
    m.cacheWrite += r.cacheWrite;
    m.output += r.output;
    const day = Math.floor(localMs / MS_PER_DAY);
    const totals = (m.days[day] ??= [0, 0, 0, 0, 0]);
    totals[0] += requests;
    totals[1] += r.input;
    totals[2] += r.cachedInput;
    totals[3] += r.cacheWrite;
    totals[4] += r.output;
    if (r.bucketSeconds <= 3600) {
      const hour = Math.floor((localMs - day * MS_PER_DAY) / MS_PER_HOUR);
      m.hourOfWeek[weekdayOf(day) * 24 + hour] += r.requests ?? r.input + r.output;
    }
    if (r.bucketSeconds === 0 && r.requests === 1) {
      m.perRequestRows++;
      m.inputHistogram[histogramBin(r.input)]++;
      m.outputHistogram[histogramBin(r.output)]++;
      if (r.latencyMs != null) m.latencyHistogram[histogramBin(r.latencyMs)]++;
    }
  }

  private model(name: string): ModelAggregate {
    let m = this.models.get(name);
    if (!m) {
      if (this.models.size >= MAX_MODELS) return this.model(OTHER_MODELS);
      m = emptyModel();
      this.models.set(name, m);
    }
    return m;
  }

  finish(naiveTimestamps: boolean): UsageAggregate {
    const occurrences = new Array(HOURS_PER_WEEK).fill(0);
    if (this.rows > 0) {
      for (let t = Math.floor(this.first / MS_PER_HOUR) * MS_PER_HOUR; t < this.last; t += MS_PER_HOUR) {
        const local = t + this.offsetAt(t) * 60_000;
        const day = Math.floor(local / MS_PER_DAY);
        occurrences[weekdayOf(day) * 24 + Math.floor((local - day * MS_PER_DAY) / MS_PER_HOUR)]++;
      }
    }
    return {
      format: this.format,
      timeZone: this.timeZone,
      naiveTimestamps,
      firstMs: this.first,
      lastMs: this.last,
      maxBucketSeconds: this.maxBucket,
      rows: this.rows,
      skipped: this.skipped,
      hourOccurrences: occurrences,
      utcOffsetMinutes: this.rows > 0 ? this.offsetAt(this.last) : 0,
      models: Object.fromEntries(this.models),
    };
  }
}
