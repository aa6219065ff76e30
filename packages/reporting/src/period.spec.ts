import { periodOf, quarterBounds } from './period';
import { BadUserInputError, REPORT_DEFAULT_ROWS, REPORT_MAX_ROWS } from '@cppcc/contract';
import { reportRows } from './report';

function fieldOf(thrown: () => unknown): string | undefined {
  try {
    thrown();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).extensions.field as string | undefined;
  }
  throw new Error('expected a BadUserInputError');
}

describe('the period a figure is counted over', () => {
  it('takes a quarter in China Standard Time, the fourth ending at the next new year', () => {
    expect(quarterBounds(2026, 1)).toEqual({
      from: '2026-01-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
    });
    expect(quarterBounds(2026, 4).to).toBe('2027-01-01T00:00:00+08:00');
  });

  it('counts a range of days with both ends included', () => {
    expect(periodOf({ from: '2026-03-01', to: '2026-03-31' }, { allowQuarter: false })).toEqual({
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
      quarter: null,
      key: '2026-03-01..2026-03-31',
    });
  });

  it('names the argument at fault', () => {
    expect(fieldOf(() => periodOf({ year: 2026, quarter: 2 }, { allowQuarter: false }))).toBe(
      'quarter',
    );
    expect(
      fieldOf(() => periodOf({ year: 2026, from: '2026-01-01' }, { allowQuarter: true })),
    ).toBe('from');
    expect(
      fieldOf(() => periodOf({ from: '2026-02-01', to: '2026-01-01' }, { allowQuarter: true })),
    ).toBe('to');
  });

  it('keeps a range within the years a year may name (a day after 9999 is no date in SQL)', () => {
    expect(
      fieldOf(() => periodOf({ from: '2026-01-01', to: '9999-12-31' }, { allowQuarter: true })),
    ).toBe('to');
    expect(
      fieldOf(() => periodOf({ from: '1999-12-31', to: '2026-01-01' }, { allowQuarter: true })),
    ).toBe('from');
    expect(periodOf({ from: '2000-01-01', to: '2100-12-31' }, { allowQuarter: true }).to).toBe(
      '2101-01-01T00:00:00+08:00',
    );
  });

  it('returns the default rows of a report unless `first` asks for 1 to the most', () => {
    expect(reportRows(null)).toBe(REPORT_DEFAULT_ROWS);
    expect(reportRows(REPORT_MAX_ROWS)).toBe(REPORT_MAX_ROWS);
    expect(fieldOf(() => reportRows(REPORT_MAX_ROWS + 1))).toBe('first');
  });
});
