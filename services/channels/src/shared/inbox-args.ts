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

/** `updatedAfter` as SQL over the record alias `r`, or nothing when not given. */
export function updatedAfterSql(updatedAfter: Date | null | undefined) {
  return updatedAfter
    ? { sql: ' and r.updated_at >= ?', params: [updatedAfter.toISOString()] as unknown[] }
    : { sql: '', params: [] as unknown[] };
}
