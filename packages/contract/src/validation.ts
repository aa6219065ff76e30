import { BadUserInputError } from './errors';

/** A trimmed, non-empty text of at most `max` characters, or BAD_USER_INPUT naming the field. */
export function requireText(value: string | null | undefined, field: string, max = 200): string {
  const text = value?.trim() ?? '';
  if (!text) throw new BadUserInputError(`${field} must not be empty.`, field);
  if (text.length > max)
    throw new BadUserInputError(`${field} must be at most ${max} characters.`, field);
  return text;
}

/** Like requireText, but null/undefined stay absent (for optional fields). */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max = 200,
): string | null {
  if (value == null) return null;
  return requireText(value, field, max);
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** A mainland mobile (11 digits, leading 1) or landline (area code + number). */
export function optionalPhone(value: string | null | undefined, field: string): string | null {
  if (value == null || value === '') return null;
  const phone = value.replace(/\s+/g, '');
  if (!PHONE.test(phone)) throw new BadUserInputError(`${field} is not a phone number.`, field);
  return phone;
}

/** Masks personal data for callers whose role does not need it: `13812345678` → `138****5678`. */
export function maskPersonalData(value: string | null | undefined): string | null {
  if (value == null) return null;
  if (value.length <= 4) return '*'.repeat(value.length);
  const keep = value.length >= 11 ? [3, 4] : [1, 2];
  return `${value.slice(0, keep[0])}${'*'.repeat(value.length - keep[0] - keep[1])}${value.slice(-keep[1])}`;
}

/** The city's time zone: dates ("today", a quarter's bounds) are taken in it. */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

/** Today's date in the city, `YYYY-MM-DD`. */
export function todayInCity(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE }).format(now);
}

/**
 * The years a date or a year argument may name, 2000 to 2100: the years figures cover, and a
 * date far enough from the database's limits (a day after 9999 is no date in SQL). One rule for
 * every date the graph takes (`dateFault`) and every year (`requireYear`).
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
export const FIRST_DAY = `${FIRST_YEAR}-01-01`;
export const LAST_DAY = `${LAST_YEAR}-12-31`;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * True for a day of the Gregorian calendar. Worked out from the digits: JavaScript's `Date` reads
 * the years 0 to 99 as 1900 to 1999.
 */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);
}

/**
 * What is wrong with a date the graph is given, as what it must be instead (`… must be <this>.`),
 * or null: a real calendar date `YYYY-MM-DD` within the years 2000 to 2100. The one rule for
 * dates, read by `requireDate` and by the input check every `Date` argument passes.
 */
export function dateFault(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return 'a calendar date YYYY-MM-DD';
  }
  if (match[0] < FIRST_DAY || match[0] > LAST_DAY) {
    return `a day from ${FIRST_DAY} to ${LAST_DAY}`;
  }
  return null;
}

/** The first instant of the years the graph covers: 2000-01-01 00:00 China Standard Time. */
export const FIRST_INSTANT = new Date(`${FIRST_DAY}T00:00:00+08:00`);
/** The instant after the years the graph covers: 2101-01-01 00:00 China Standard Time. */
export const END_OF_LAST_YEAR = new Date(`${LAST_YEAR + 1}-01-01T00:00:00+08:00`);

/**
 * What is wrong with an instant the graph is to record (a session's `scheduledAt`, a demand's
 * `receivedAt` …), or null: it lies within the years 2000 to 2100 in China Standard Time, as
 * dates do. Instants that only filter a list (`from`, `to`, `updatedAfter`) are not refused: they
 * are taken as the bound they pass (no record lies beyond it).
 */
export function instantFault(value: Date): string | null {
  return value >= FIRST_INSTANT && value < END_OF_LAST_YEAR
    ? null
    : 'an instant within the years 2000 to 2100 (China Standard Time)';
}

/**
 * A real calendar date `YYYY-MM-DD` within the years 2000 to 2100 (`dateFault`), optionally not
 * after today, or BAD_USER_INPUT naming the field.
 */
export function requireDate(value: string, field: string, { notInFuture = false } = {}): string {
  const fault = dateFault(value);
  if (fault) throw new BadUserInputError(`${field} must be ${fault}.`, field);
  if (notInFuture && value > todayInCity()) {
    throw new BadUserInputError(`${field} must not be in the future.`, field);
  }
  return value;
}

/** An integer within bounds, or BAD_USER_INPUT naming the field. */
export function requireIntBetween(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be between ${min} and ${max}.`, field);
  }
  return value;
}

/** A year within 2000 to 2100 (`FIRST_YEAR` … `LAST_YEAR`, as dates), or BAD_USER_INPUT naming the field. */
export function requireYear(value: number, field: string): number {
  return requireIntBetween(value, field, FIRST_YEAR, LAST_YEAR);
}

/** Escapes `%`, `_` and `\` so a text matches itself in a LIKE pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID: anything else cannot name a record (and must not reach a uuid column). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * The ids of a batch that can name a record, to bind as `col = any(array[?]::uuid[])`: matching
 * the column as it is (not cast to text) lets its index serve the lookup, and a value that is not
 * a UUID, which names nothing, is dropped rather than failing the statement.
 */
export function uuidsOnly(values: readonly string[]): string[] {
  return values.filter(isUuid);
}
