// Calendar days travel as "YYYY-MM-DD" strings and are stored as UTC midnight, so a date never
// shifts with the server's or the reader's time zone.

/** A Date's calendar day in UTC: "2026-12-01". */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** "2026-12-01" → that day at 00:00 UTC. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Today at 00:00 UTC. */
export const today = (now = new Date()): Date => dayStart(isoDay(now));
