import { buildTypeGraphqlSubgraph, type SubgraphProcess } from '@cppcc/toolkit';
import { createContext } from './context';
import { followDepartmentsWithPolicyAreas } from './department/department.projection';
import { followDemands, followSessions } from './linked/linked.projection';
import { DivisionPetitionStatsResolver } from './division/division.petition-stats.resolver';
import { followDivisionsOfCases } from './division/division.projection';
import { migrations } from './migrations';
import {
  DemandPetitionCaseResolver,
  DepartmentPetitionCasesResolver,
  SessionPetitionCaseResolver,
} from './petition-case/linked.fields';
import { PetitionCaseEvent } from './petition-case/petition-case-event.entity';
import { PetitionCase } from './petition-case/petition-case.entity';
import {
  PetitionCaseResolver,
  petitionCaseReference,
} from './petition-case/petition-case.resolver';

/**
 * The petitions subgraph: the petitions bureau's (信访局) cases for petition matters. It calls no
 * other service: the departments, sessions and demands its cases name come from their feeds.
 */
export const petitionsSubgraph: SubgraphProcess = {
  name: 'petitions',
  database: {
    schema: 'petitions',
    entities: [PetitionCase, PetitionCaseEvent],
    migrations,
  },
  buildSchema: () =>
    buildTypeGraphqlSubgraph({
      resolvers: [
        PetitionCaseResolver,
        DemandPetitionCaseResolver,
        SessionPetitionCaseResolver,
        DepartmentPetitionCasesResolver,
        DivisionPetitionStatsResolver,
      ],
      referenceResolvers: petitionCaseReference,
    }),
  createContext,
  // The departments and divisions from the organization's feeds; the sessions and demands a
  // case links to from deliberation's and channels' event feeds (see linked/linked.projection.ts).
  startWorkers: (orm, settings) => [
    followDepartmentsWithPolicyAreas(orm, settings),
    followDivisionsOfCases(orm, settings),
    followSessions(orm, settings),
    followDemands(orm, settings),
  ],
};
