import {
  addMonths,
  chineseDate,
  cityDateOf,
  cityDayOf,
  dateOf,
  dayOf,
  HOUR,
  momentOf,
  quarterDays,
  quarterOf,
  todayInShanghai,
  weekdayOf,
  yearOf,
} from './calendar';

describe('the demo calendar', () => {
  it('counts days from 1970-01-01 and reads only YYYY-MM-DD dates', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(dayOf('2024-02-29')).toBe(19782);
    expect(dateOf(19782)).toBe('2024-02-29');
    expect(yearOf(dayOf('2024-12-31'))).toBe(2024);
    expect(() => dayOf('2024-02-29T10:00:00Z')).toThrow('is not a YYYY-MM-DD date');
  });

  it('places a time of day, in minutes after midnight city time (UTC+8), as an ISO instant', () => {
    const day = dayOf('2026-11-27');
    expect(momentOf(day, 15 * HOUR)).toBe('2026-11-27T07:00:00.000Z');
    expect(momentOf(day, 9 * HOUR + 30)).toBe('2026-11-27T01:30:00.000Z');
    // Before 08:00 in the city it is still the day before in UTC.
    expect(momentOf(day, 7 * HOUR)).toBe('2026-11-26T23:00:00.000Z');
  });

  it('reads the city day of an instant across UTC midnight', () => {
    expect(cityDateOf('2026-11-26T16:00:00.000Z')).toBe('2026-11-27');
    expect(cityDateOf('2026-11-26T15:59:59.999Z')).toBe('2026-11-26');
    const day = dayOf('2026-11-27');
    for (const minutes of [0, 7 * HOUR, 23 * HOUR + 59]) {
      expect(cityDayOf(momentOf(day, minutes))).toBe(day);
    }
  });

  it('adds months keeping the day of the month, or the last day of a shorter month', () => {
    expect(dateOf(addMonths(dayOf('2026-01-15'), 3))).toBe('2026-04-15');
    expect(dateOf(addMonths(dayOf('2026-11-30'), 3))).toBe('2027-02-28');
    expect(dateOf(addMonths(dayOf('2024-01-31'), 1))).toBe('2024-02-29');
    expect(dateOf(addMonths(dayOf('2026-03-31'), -1))).toBe('2026-02-28');
  });

  it('knows weekdays, quarters and their first and last days', () => {
    expect(weekdayOf(dayOf('2026-11-29'))).toBe(0); // a Sunday
    expect(weekdayOf(dayOf('2026-11-27'))).toBe(5);
    expect(quarterOf(dayOf('2026-11-27'))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(dayOf('2026-04-01'))).toEqual({ year: 2026, quarter: 2 });
    const q1 = quarterDays(2024, 1);
    expect([dateOf(q1.first), dateOf(q1.last)]).toEqual(['2024-01-01', '2024-03-31']);
    const q4 = quarterDays(2026, 4);
    expect([dateOf(q4.first), dateOf(q4.last)]).toEqual(['2026-10-01', '2026-12-31']);
  });

  it('writes dates as minutes do, and knows the city’s today', () => {
    expect(chineseDate(dayOf('2024-05-16'))).toBe('2024年5月16日');
    expect(todayInShanghai(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(todayInShanghai(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
  });
});
