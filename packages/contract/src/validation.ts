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

/** A real calendar date `YYYY-MM-DD`, optionally not after today, or BAD_USER_INPUT naming the field. */
export function requireDate(value: string, field: string, { notInFuture = false } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(`${field} must be a date YYYY-MM-DD.`, field);
  }
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
