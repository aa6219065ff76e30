/**
 * The demo's calendar: days counted from 1970-01-01 in the city's calendar (China Standard Time,
 * UTC+8 all year, no daylight saving), and the instants and dates the rows carry.
 *
 * A *day* is an integer (the number of days since 1970-01-01); a *date* is `YYYY-MM-DD`; an
 * *instant* is an ISO 8601 string in UTC, as `timestamptz` columns take it; a time of day is
 * given in minutes after midnight, city time (`15 * HOUR` for 15:00).
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** China Standard Time: UTC+8. */
const CST_MS = 8 * 3_600_000;

/** Minutes in an hour: `momentOf(day, 15 * HOUR)` is 15:00. */
export const HOUR = 60;

/** The day of a `YYYY-MM-DD` date; throws on anything else. */
export function dayOf(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${date} is not a YYYY-MM-DD date`);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The year of a day. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The instant of a day at a time of day (minutes after midnight, city time), as ISO UTC. */
export function momentOf(day: number, minutes: number): string {
  return new Date(day * DAY_MS + minutes * MINUTE_MS - CST_MS).toISOString();
}

/** The city day an ISO instant falls on. */
export function cityDayOf(instant: string): number {
  return Math.floor((Date.parse(instant) + CST_MS) / DAY_MS);
}

/** The `YYYY-MM-DD` date in the city of an ISO instant. */
export function cityDateOf(instant: string): string {
  return dateOf(cityDayOf(instant));
}

/** The same day of the month `months` later; the month's last day when it is shorter. */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return Math.round(target.getTime() / DAY_MS);
}

/** 0 for Sunday … 6 for Saturday. */
export function weekdayOf(day: number): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday
}

/** The calendar quarter (1–4) a day lies in, with its year. */
export function quarterOf(day: number): { year: number; quarter: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

/** The first and last day of a quarter. */
export function quarterDays(year: number, quarter: number): { first: number; last: number } {
  const first = Math.round(Date.UTC(year, (quarter - 1) * 3, 1) / DAY_MS);
  const next = Math.round(Date.UTC(year, quarter * 3, 1) / DAY_MS);
  return { first, last: next - 1 };
}

/** 2024-05-16 → 2024年5月16日 */
export function chineseDate(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** The real today in the city, `YYYY-MM-DD`. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
