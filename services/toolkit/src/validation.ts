import { BadUserInputError } from './errors';

/** A trimmed, non-empty text of at most `max` characters, or BAD_USER_INPUT naming the field. */
export function requireText(value: string | null | undefined, field: string, max = 200): string {
  const text = value?.trim() ?? '';
  if (!text) throw new BadUserInputError(`${field} must not be empty.`, field);
  if (text.length > max) throw new BadUserInputError(`${field} must be at most ${max} characters.`, field);
  return text;
}

/** Like requireText, but null/undefined stay absent (for optional fields). */
export function optionalText(value: string | null | undefined, field: string, max = 200): string | null {
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
