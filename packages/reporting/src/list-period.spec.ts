import { instantsWithin, listPeriodOf } from './list-period';

const at = (iso: string) => new Date(iso);

describe("a list's period", () => {
  it('is open when nothing is given', () => {
    expect(listPeriodOf({})).toEqual({ from: null, to: null });
    expect(instantsWithin(listPeriodOf({}))).toBeUndefined();
  });

  it('takes a year and a quarter in China Standard Time, the end excluded', () => {
    expect(listPeriodOf({ year: 2026 })).toEqual({
      from: at('2026-01-01T00:00:00+08:00'),
      to: at('2027-01-01T00:00:00+08:00'),
    });
    expect(listPeriodOf({ year: 2026, quarter: 1 })).toEqual({
      from: at('2025-12-31T16:00:00Z'),
      to: at('2026-03-31T16:00:00Z'),
    });
    expect(listPeriodOf({ year: 2026, quarter: 4 }).to).toEqual(at('2027-01-01T00:00:00+08:00'));
  });

  it('narrows a year by the instants given with it, and the instants by the year', () => {
    const march = at('2026-03-01T00:00:00+08:00');
    expect(listPeriodOf({ year: 2026, from: march })).toEqual({
      from: march,
      to: at('2027-01-01T00:00:00+08:00'),
    });
    expect(listPeriodOf({ year: 2026, from: at('2020-01-01T00:00:00Z') }).from).toEqual(
      at('2026-01-01T00:00:00+08:00'),
    );
    expect(listPeriodOf({ year: 2026, quarter: 2, to: march })).toEqual({
      from: at('2026-04-01T00:00:00+08:00'),
      to: march,
    });
  });

  it('keeps instants alone as given, as a condition on a column', () => {
    const from = at('2026-05-01T10:00:00Z');
    expect(instantsWithin(listPeriodOf({ from }))).toEqual({ $gte: from });
    expect(instantsWithin(listPeriodOf({ to: from }))).toEqual({ $lt: from });
  });

  it('refuses a quarter without its year, and years and quarters out of range, naming the argument', () => {
    const fault = (args: Parameters<typeof listPeriodOf>[0]) => {
      try {
        listPeriodOf(args);
      } catch (error) {
        const { extensions, message } = error as {
          extensions: Record<string, unknown>;
          message: string;
        };
        return { code: extensions.code, field: extensions.field, message };
      }
      throw new Error('accepted');
    };
    expect(fault({ quarter: 2 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(fault({ year: 1999 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(fault({ year: 2026, quarter: 5 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'quarter',
    });
    expect(fault({ year: 2026, quarter: 5 }).message).not.toContain('5');
  });
});

describe("a list's instants", () => {
  it('refuse a `to` that is not after `from`, on to', () => {
    const from = at('2026-05-01T00:00:00+08:00');
    for (const to of [from, at('2026-04-30T00:00:00+08:00')]) {
      expect(() => listPeriodOf({ from, to })).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ field: 'to' }) }),
      );
    }
  });

  it('beyond the years 2000–2100 are taken as their bound, which lists the same', () => {
    expect(
      listPeriodOf({ from: at('0000-01-01T00:00:00Z'), to: at('9999-12-31T00:00:00Z') }),
    ).toEqual({ from: at('2000-01-01T00:00:00+08:00'), to: at('2101-01-01T00:00:00+08:00') });
  });

  it('list nothing when a year and the instants do not meet', () => {
    const { from, to } = listPeriodOf({ year: 2025, from: at('2026-02-01T00:00:00+08:00') });
    expect(from! >= to!).toBe(true);
  });
});
