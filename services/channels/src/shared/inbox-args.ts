import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@cppcc/toolkit';

/**
 * The arguments of a list a department's system pages through: a page, and optionally only the
 * records changed since an instant. Such lists are in keyset order (newest first by creation,
 * then id), so an item present for the whole of a paging is seen exactly once whatever is
 * assigned, changed or closed meanwhile.
 */
@ArgsType()
export class InboxPageArgs extends PageArgs {
  @Field(() => Date, {
    nullable: true,
    description:
      'Only records changed at or after this instant (inclusive), an ISO-8601 date-time (UTC, e.g. `2026-11-29T08:00:00.000Z`; other offsets are converted), compared to the millisecond with their `updatedAt`. To catch up, pass the greatest `updatedAt` you have seen: the record holding it comes again, anything newer after it.',
  })
  updatedAfter?: Date | null;
}

/**
 * `updatedAfter` as the instant to compare with: no record predates 1970, so an earlier instant
 * is taken as 1970, which filters just as little (PostgreSQL has no year 0, which the scalar
 * accepts). Null when not given.
 */
export function updatedSince(updatedAfter: Date | null | undefined): Date | null {
  return updatedAfter ? new Date(Math.max(updatedAfter.getTime(), 0)) : null;
}

/** `updatedAfter` as SQL over the record alias `r`, or nothing when not given. */
export function updatedAfterSql(updatedAfter: Date | null | undefined) {
  const since = updatedSince(updatedAfter);
  return since
    ? { sql: ' and r.updated_at >= ?', params: [since.toISOString()] as unknown[] }
    : { sql: '', params: [] as unknown[] };
}
