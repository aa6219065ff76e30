/** Rule 5 of docs/domain.md: in principle one activity per home per quarter. */
export const SESSIONS_REQUIRED_PER_QUARTER = 1;

/**
 * The start of a quarter and the start of the next, in the city's time (China Standard Time is
 * UTC+8 all year, with no daylight saving), so a session held at 23:30 on 31 March is in Q1. The
 * reporting package holds it, with the other periods figures are counted over (`periodOf`).
 */
export { quarterBounds } from '@cppcc/reporting';
