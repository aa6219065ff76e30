import { divisionFiguresResolver } from '@cppcc/reporting';
import type { Context } from '../context';
import { DivisionReference } from '../shared/references';
import { ChannelStats } from './division.channel-stats';

/** The channels' part of the cross-county view: a division's demands, reports and proposals. */
export const DivisionChannelStatsResolver = divisionFiguresResolver({
  resolverName: 'DivisionChannelStatsResolver',
  division: DivisionReference,
  stats: ChannelStats,
  field: 'channelStats',
  description:
    'Its demands, sentiment reports and proposals over a year or a range of days (`from`, `to`), within your jurisdiction.',
  allowQuarter: false,
  load: ({ loaders }: Context, period, code) => loaders.channelStats.ofDivision(period).load(code),
});
