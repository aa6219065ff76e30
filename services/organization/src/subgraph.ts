import type { SubgraphProcess } from '@cppcc/toolkit';
import { createContext } from './context';
import { organizationDatabase } from './database';
import { buildOrganizationSchema } from './schema';
import { homeChangesRoute } from './home/home.changes';

/** The organization subgraph: divisions, committees, members, homes, participants, departments. */
export const organizationSubgraph: SubgraphProcess = {
  name: 'organization',
  database: organizationDatabase,
  buildSchema: buildOrganizationSchema,
  createContext,
  internalRoutes: homeChangesRoute,
};
