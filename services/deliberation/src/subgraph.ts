import {
  DomainEvent,
  buildTypeGraphqlSubgraph,
  serveDomainEvents,
  type SubgraphProcess,
} from '@cppcc/toolkit';
import {
  followDepartments,
  followHomes,
  followMembers,
  followParticipants,
} from '@cppcc/organization-feed';
import { createContext } from './context';
import { DeliberationEventResolver } from './event/event.resolver';
import { migrations } from './migrations';
import { AgendaItem } from './agenda/agenda.entity';
import {
  DepartmentSessionsResolver,
  DivisionSessionStatsResolver,
  MemberAttendanceResolver,
} from './session/session.extensions.resolver';
import { AgendaItemResolver, agendaItemReference } from './agenda/agenda.resolver';
import { Attendance } from './attendance/attendance.entity';
import { AttendanceResolver } from './attendance/attendance.resolver';
import { MinutesEvent } from './minutes/minutes-event.entity';
import { FollowUpAction, Minutes } from './minutes/minutes.entity';
import { FollowUpActionResolver, MinutesResolver } from './minutes/minutes.resolver';
import { SessionReportResolver } from './report/report.resolver';
import { Session } from './session/session.entity';
import { SessionEvent } from './session/session-event.entity';
import {
  HomeSessionsResolver,
  SessionResolver,
  sessionReference,
} from './session/session.resolver';

/**
 * The deliberation subgraph: consultation sessions of homes and the quarterly cadence. Its
 * domain events are served as a feed (`/internal/domain-events`) that channels follows to
 * deliver them by webhook.
 */
export const deliberationSubgraph: SubgraphProcess = {
  name: 'deliberation',
  database: {
    schema: 'deliberation',
    entities: [
      Session,
      SessionEvent,
      Minutes,
      MinutesEvent,
      FollowUpAction,
      AgendaItem,
      Attendance,
      DomainEvent,
    ],
    migrations,
  },
  buildSchema: () =>
    buildTypeGraphqlSubgraph({
      resolvers: [
        SessionResolver,
        HomeSessionsResolver,
        MinutesResolver,
        FollowUpActionResolver,
        AgendaItemResolver,
        AttendanceResolver,
        DepartmentSessionsResolver,
        MemberAttendanceResolver,
        DivisionSessionStatsResolver,
        SessionReportResolver,
        DeliberationEventResolver,
      ],
      referenceResolvers: { ...sessionReference, ...agendaItemReference },
    }),
  createContext,
  internalRoutes: serveDomainEvents,
  startWorkers: (orm, settings) => [
    followHomes(orm, settings, {
      consumer: 'deliberation',
      recordTables: ['session', 'minutes', 'follow_up_action', 'agenda_item', 'attendance'],
    }),
    followDepartments(orm, settings, { consumer: 'deliberation' }),
    followMembers(orm, settings, { consumer: 'deliberation' }),
    followParticipants(orm, settings, { consumer: 'deliberation' }),
  ],
};
