import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { CacheFor, OnSurfaces, REPORT_DEFAULT_ROWS, REPORT_MAX_ROWS } from '@cppcc/toolkit';
import type { Context } from '../context';
import {
  SessionDimension,
  SessionReport,
  SessionReportFilter,
  sessionReport,
} from './session-report';

/** Analysts' report over consultation sessions: one statement, within jurisdiction. */
@Resolver()
export class SessionReportResolver {
  @OnSurfaces('city', 'county')
  @CacheFor()
  @Query(() => SessionReport, {
    description:
      'Consultation sessions, grouped by the dimensions you choose (none: one row of totals), with how many were held, cancelled, crossed county lines, who came and whose minutes are published, within your jurisdiction. Put YEAR or QUARTER in `groupBy` for a series in time order (a trend).',
  })
  sessionReport(
    @Arg('groupBy', () => [SessionDimension], {
      description: 'The dimensions to group by, in order; an empty list gives one row of totals.',
    })
    groupBy: SessionDimension[],
    @Arg('filter', () => SessionReportFilter, {
      nullable: true,
      description: 'Which sessions to count; all in your jurisdiction when left out.',
    })
    filter: SessionReportFilter | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Groups returned at most (default ${REPORT_DEFAULT_ROWS}, at most ${REPORT_MAX_ROWS}); the gateway counts them in the request's cost.`,
    })
    first: number | null,
    @Ctx() { em, caller }: Context,
  ): Promise<SessionReport> {
    return sessionReport(em, caller, { groupBy, filter, first });
  }
}
