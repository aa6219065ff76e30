import { requireIntBetween } from '@cppcc/toolkit';

/** The seed's rule 5: in principle one activity per home per quarter. */
export const SESSIONS_REQUIRED_PER_QUARTER = 1;

/**
 * The start of a quarter and the start of the next, in the city's time (China Standard Time is
 * UTC+8 all year, with no daylight saving), so a session held at 23:30 on 31 March is in Q1.
 */
export function quarterBounds(year: number, quarter: number): { from: string; to: string } {
  requireIntBetween(year, 'year', 2000, 2100);
  requireIntBetween(quarter, 'quarter', 1, 4);
  const startOf = (y: number, month: number) =>
    `${y}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`;
  const month = (quarter - 1) * 3 + 1;
  return {
    from: startOf(year, month),
    to: quarter === 4 ? startOf(year + 1, 1) : startOf(year, month + 3),
  };
}
