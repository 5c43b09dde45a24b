// Calendar days travel as "YYYY-MM-DD" strings and are stored as UTC midnight, so a date never
// shifts with the server's or the reader's time zone.

/** A Date's calendar day in UTC: "2026-12-01". */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** "2026-12-01" → that day at 00:00 UTC. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Today at 00:00 UTC. */
export const today = (now = new Date()): Date => dayStart(isoDay(now));

/** An hour of the day written as a clock time: 16.5 → "16:30". */
export const formatHourOfDay = (h: number) =>
  `${String(Math.floor(h)).padStart(2, "0")}:${String(Math.round((h % 1) * 60)).padStart(2, "0")}`;
