import { GraphQLError } from 'graphql';
import { FIRST_DAY, LAST_DAY, requireDate, requireYear, todayInCity } from './validation';

/** The error a check throws (its message and extensions), or null when it passes. */
function refusal(check: () => unknown) {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, ...error.extensions };
  }
}

describe('a date the graph takes', () => {
  it('is a real day of the calendar, leap days included', () => {
    for (const day of ['2000-02-29', '2024-02-29', '2026-12-31', FIRST_DAY, LAST_DAY]) {
      expect(requireDate(day, 'input.on')).toBe(day);
    }
    for (const day of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10']) {
      expect([day, refusal(() => requireDate(day, 'input.on'))]).toEqual([
        day,
        {
          message: 'input.on must be a calendar date YYYY-MM-DD.',
          code: 'BAD_USER_INPUT',
          field: 'input.on',
        },
      ]);
    }
    for (const text of ['2026-3-14', '20260314', '2026-03-14T00:00:00Z', ' 2026-03-14', '']) {
      expect(refusal(() => requireDate(text, 'input.on'))).toMatchObject({ field: 'input.on' });
    }
  });

  it('lies within the years 2000 to 2100, years 0 to 99 not read as 1900 to 1999', () => {
    for (const day of [
      '0050-06-01',
      '0000-01-01',
      '0099-12-31',
      '1999-12-31',
      '2101-01-01',
      '9999-12-31',
    ]) {
      expect([day, refusal(() => requireDate(day, 'from'))]).toEqual([
        day,
        {
          message: 'from must be a day from 2000-01-01 to 2100-12-31.',
          code: 'BAD_USER_INPUT',
          field: 'from',
        },
      ]);
    }
  });

  it('may be held to today or before, in the city', () => {
    const today = todayInCity();
    expect(requireDate(today, 'on', { notInFuture: true })).toBe(today);
    expect(refusal(() => requireDate('2100-12-31', 'on', { notInFuture: true }))).toMatchObject({
      message: 'on must not be in the future.',
      field: 'on',
    });
  });
});

describe('a year the graph takes', () => {
  it('lies within the years a date may name', () => {
    expect(requireYear(2000, 'year')).toBe(2000);
    expect(requireYear(2100, 'year')).toBe(2100);
    expect(refusal(() => requireYear(1999, 'year'))).toMatchObject({ field: 'year' });
    expect(refusal(() => requireYear(2101, 'input.year'))).toMatchObject({ field: 'input.year' });
  });
});
