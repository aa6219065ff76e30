import { divisionFiguresResolver } from '@cppcc/reporting';
import type { Context } from '../context';
import { DivisionReference } from '../shared/references';
import { PetitionStats } from './division.petition-stats';

/** The petitions' part of the cross-county view, beside the sessions' and the channels' figures. */
export const DivisionPetitionStatsResolver = divisionFiguresResolver({
  resolverName: 'DivisionPetitionStatsResolver',
  division: DivisionReference,
  stats: PetitionStats,
  field: 'petitionStats',
  description:
    'Its petition cases (信访事项) registered over a year or a range of days (`from`, `to`), within your jurisdiction.',
  allowQuarter: false,
  load: ({ loaders }: Context, period, code) => loaders.petitionStats.ofDivision(period).load(code),
});
