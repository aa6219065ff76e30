import { buildTypeGraphqlSubgraph, followHomes, type SubgraphProcess } from '@cppcc/toolkit';
import { createContext } from './context';
import { Demand } from './demand/demand.entity';
import { DemandResolver, HomeDemandsResolver, demandReference } from './demand/demand.resolver';
import { migrations } from './migrations';

/** The channels subgraph: demands raised at homes (escalation channels follow). */
export const channelsSubgraph: SubgraphProcess = {
  name: 'channels',
  database: { schema: 'channels', entities: [Demand], migrations },
  buildSchema: () =>
    buildTypeGraphqlSubgraph({
      resolvers: [DemandResolver, HomeDemandsResolver],
      referenceResolvers: demandReference,
    }),
  createContext,
  startWorkers: (orm, settings) => [
    followHomes(orm, settings, { consumer: 'channels', recordTables: ['demand'] }),
  ],
};
