import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { CacheFor, OnSurfaces, REPORT_DEFAULT_ROWS, REPORT_MAX_ROWS } from '@cppcc/toolkit';
import type { Context } from '../context';
import { DemandDimension, DemandReport, DemandReportFilter, demandReport } from './demand-report';
import {
  ProposalDimension,
  ProposalReport,
  ProposalReportFilter,
  proposalReport,
} from './proposal-report';

const GROUP_BY = 'The dimensions to group by, in order; an empty list gives one row of totals.';
const FIRST = `Groups returned at most (default ${REPORT_DEFAULT_ROWS}, at most ${REPORT_MAX_ROWS}); the gateway counts them in the request's cost.`;

/** Analysts' reports over the channels' records: one statement each, within jurisdiction. */
@Resolver()
export class ChannelReportResolver {
  @OnSurfaces('city', 'county', 'department')
  @CacheFor()
  @Query(() => ProposalReport, {
    description:
      'Proposals submitted, grouped by the dimensions you choose (none: one row of totals), with their figures, within your jurisdiction: a county its own CPPCC’s proposals, the city all, a department those it handles (lead or co-handling). Put YEAR or QUARTER in `groupBy` for a series in time order (a trend).',
  })
  proposalReport(
    @Arg('groupBy', () => [ProposalDimension], { description: GROUP_BY })
    groupBy: ProposalDimension[],
    @Arg('filter', () => ProposalReportFilter, {
      nullable: true,
      description: 'Which proposals to count; all in your jurisdiction when left out.',
    })
    filter: ProposalReportFilter | null,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first: number | null,
    @Ctx() { em, caller }: Context,
  ): Promise<ProposalReport> {
    return proposalReport(em, caller, { groupBy, filter, first });
  }

  @OnSurfaces('city', 'county')
  @CacheFor()
  @Query(() => DemandReport, {
    description:
      'Demands received, grouped by the dimensions you choose (none: one row of totals), with what became of them, within your jurisdiction. Put YEAR or QUARTER in `groupBy` for a series in time order (a trend).',
  })
  demandReport(
    @Arg('groupBy', () => [DemandDimension], { description: GROUP_BY }) groupBy: DemandDimension[],
    @Arg('filter', () => DemandReportFilter, {
      nullable: true,
      description: 'Which demands to count; all in your jurisdiction when left out.',
    })
    filter: DemandReportFilter | null,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first: number | null,
    @Ctx() { em, caller }: Context,
  ): Promise<DemandReport> {
    return demandReport(em, caller, { groupBy, filter, first });
  }
}
