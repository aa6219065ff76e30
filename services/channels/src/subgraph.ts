import {
  DomainEvent,
  buildTypeGraphqlSubgraph,
  followDepartments,
  followHomes,
  type SubgraphProcess,
} from '@cppcc/toolkit';
import { createContext } from './context';
import { Demand } from './demand/demand.entity';
import { DemandResolver, HomeDemandsResolver, demandReference } from './demand/demand.resolver';
import { EventResolver } from './event/event.resolver';
import { DivisionChannelStatsResolver } from './division/division.channel-stats.resolver';
import { ChannelEvent } from './history/channel-event.entity';
import {
  DepartmentChannelsResolver,
  MemberChannelsResolver,
  SessionOutcomesResolver,
  SourcesResolver,
} from './lineage/lineage.resolver';
import { migrations } from './migrations';
import { SpecialReport, Speech } from './plenary/plenary.entity';
import {
  SpecialReportResolver,
  SpeechResolver,
  plenaryReference,
} from './plenary/plenary.resolver';
import { Proposal } from './proposal/proposal.entity';
import { ProposalResolver, proposalReference } from './proposal/proposal.resolver';
import { ChannelReportResolver } from './report/report.resolver';
import {
  DepartmentFeedback,
  LeaderInstruction,
  SentimentReport,
} from './sentiment-report/sentiment-report.entity';
import {
  DepartmentFeedbackResolver,
  SentimentReportResolver,
  sentimentReportReference,
} from './sentiment-report/sentiment-report.resolver';

/**
 * The channels subgraph: demands raised at homes and the four ways they go up (proposals,
 * sentiment reports, plenary speeches, special reports), to the departments' answers.
 */
export const channelsSubgraph: SubgraphProcess = {
  name: 'channels',
  database: {
    schema: 'channels',
    entities: [
      Demand,
      Proposal,
      SentimentReport,
      LeaderInstruction,
      DepartmentFeedback,
      Speech,
      SpecialReport,
      ChannelEvent,
      DomainEvent,
    ],
    migrations,
  },
  buildSchema: () =>
    buildTypeGraphqlSubgraph({
      resolvers: [
        DemandResolver,
        HomeDemandsResolver,
        ProposalResolver,
        SentimentReportResolver,
        DepartmentFeedbackResolver,
        SpeechResolver,
        SpecialReportResolver,
        SourcesResolver,
        SessionOutcomesResolver,
        DepartmentChannelsResolver,
        MemberChannelsResolver,
        DivisionChannelStatsResolver,
        ChannelReportResolver,
        EventResolver,
      ],
      referenceResolvers: {
        ...demandReference,
        ...proposalReference,
        ...sentimentReportReference,
        ...plenaryReference,
      },
    }),
  createContext,
  startWorkers: (orm, settings) => [
    followHomes(orm, settings, { consumer: 'channels', recordTables: ['demand'] }),
    followDepartments(orm, settings, { consumer: 'channels' }),
  ],
};
