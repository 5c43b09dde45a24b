// Timestamps in usage exports: Unix seconds (OpenAI), RFC 3339 (Anthropic), ISO 8601 or
// PostgreSQL text (LiteLLM, the generic CSV). A timestamp names its zone (Z or an offset) or
// has none; a file must not mix the two, and explicit offsets may differ only by a daylight-
// saving hour, because anything else means rows from different clocks were pasted together.

export type Stamp = { ms: number; offsetMinutes: number | null };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MS_PER_MINUTE = 60_000;
/** Unix times above this are milliseconds (1e11 s is the year 5138). */
const UNIX_MS_THRESHOLD = 1e11;

/** A timestamp, or a message saying why it does not parse. */
export function parseStamp(raw: unknown): Stamp | string {
  if (typeof raw === "number") return unixStamp(raw);
  if (typeof raw !== "string" || raw.trim() === "") return "is empty";
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return unixStamp(Number(text));
  const m = ISO.exec(text);
  if (!m) return `"${text.slice(0, 40)}" is not a date and time (use ISO 8601, e.g. 2026-11-02T14:05:00Z)`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const leapOk = month !== 2 || day <= 28 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || !leapOk || hour > 23 || minute > 59 || second > 59) {
    return `"${text}" is not a valid date and time`;
  }
  const zone = m[8];
  const offsetMinutes = zone == null ? null : zone === "Z" || zone === "z" || zone === "UTC" ? 0 : zoneOffset(zone);
  const local = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  return { ms: local - (offsetMinutes ?? 0) * MS_PER_MINUTE, offsetMinutes };
}

function zoneOffset(zone: string): number {
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

function unixStamp(value: number): Stamp | string {
  if (!Number.isFinite(value) || value < 0) return `${value} is not a Unix time`;
  return { ms: value > UNIX_MS_THRESHOLD ? value : value * 1000, offsetMinutes: 0 };
}

const formatOffset = (minutes: number | null) =>
  minutes == null
    ? "no time zone"
    : minutes === 0
      ? "UTC"
      : `${minutes < 0 ? "-" : "+"}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;

/** Remembers the zones a file's timestamps use and refuses a row that mixes clocks. */
export class ZoneCheck {
  private first: { offset: number | null; line: number } | null = null;
  private offsets = new Set<number>();

  /** Null when the row's zone fits the file, else the message for that row. */
  check(offset: number | null, line: number): string | null {
    if (!this.first) {
      this.first = { offset, line };
      if (offset != null) this.offsets.add(offset);
      return null;
    }
    const f = this.first;
    if ((offset == null) !== (f.offset == null)) {
      return `has ${formatOffset(offset)} but line ${f.line} has ${formatOffset(f.offset)}: rows in mixed time zones`;
    }
    if (offset == null || this.offsets.has(offset)) return null;
    const known = [...this.offsets];
    if (known.length === 1 && Math.abs(known[0] - offset) === 60) {
      this.offsets.add(offset);
      return null;
    }
    return `has ${formatOffset(offset)} but earlier rows have ${known.map(formatOffset).join(" and ")}: rows in mixed time zones`;
  }

  /** Whether timestamps carried no zone (they are then read in the import's time zone). */
  get naive(): boolean {
    return this.first != null && this.first.offset == null;
  }
}

/**
 * Minutes to add to UTC to get the wall clock in an IANA time zone at an instant. Cached by
 * hour: zones change offset on hour boundaries (and formatting a date is the slow part).
 */
export function zoneOffsetFn(timeZone: string): (ms: number) => number {
  if (timeZone === "UTC") return () => 0;
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  const cache = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let offset = cache.get(hour);
    if (offset === undefined) {
      const at = hour * 3_600_000;
      const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
      offset = Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - at) / MS_PER_MINUTE);
      cache.set(hour, offset);
    }
    return offset;
  };
}

/** Whether a string names a time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
