import { addDays, addMonths } from './dates';

describe('calendar arithmetic', () => {
  it('adds months, keeping the day or falling back to the end of a shorter month', () => {
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  });
});
