import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** ISO 8601 date and time with offset, e.g. `2026-03-14T09:30:00+08:00`. */
export const DateTimeScalar = DateTimeResolver;

/**
 * A calendar date, `YYYY-MM-DD`, held as that string end to end (PostgreSQL `date` columns are
 * read as strings too), so no time zone ever shifts it by a day.
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description:
    'A calendar date, `YYYY-MM-DD`, with no time of day: a day of the calendar in China Standard Time (UTC+8), e.g. `2026-03-14`. A date given as input lies within 2000-01-01 … 2100-12-31 (BAD_USER_INPUT otherwise).',
});
