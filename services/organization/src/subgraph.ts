import { changeFeedRoute, type SubgraphProcess } from '@cppcc/toolkit';
import { createContext } from './context';
import { organizationDatabase } from './database';
import { buildOrganizationSchema } from './schema';
import { DEPARTMENT_CHANGES } from './department/department.changes';
import { DIVISION_CHANGES } from './division/division.changes';
import { HOME_CHANGES } from './home/home.changes';
import { MEMBER_CHANGES } from './member/member.changes';
import { PARTICIPANT_CHANGES } from './participant/participant.changes';

/** The organization subgraph: divisions, committees, members, homes, participants, departments. */
export const organizationSubgraph: SubgraphProcess = {
  name: 'organization',
  database: organizationDatabase,
  buildSchema: buildOrganizationSchema,
  createContext,
  internalRoutes: (app, orm, settings) => {
    changeFeedRoute(app, orm, settings, HOME_CHANGES);
    changeFeedRoute(app, orm, settings, DEPARTMENT_CHANGES);
    changeFeedRoute(app, orm, settings, DIVISION_CHANGES);
    changeFeedRoute(app, orm, settings, MEMBER_CHANGES);
    changeFeedRoute(app, orm, settings, PARTICIPANT_CHANGES);
  },
};
