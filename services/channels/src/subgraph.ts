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
import { followSessions } from './session/session.projection';
import { followDeliberationEvents } from './webhook/webhook.follower';
import { webhookResolver } from './webhook/webhook.resolver';
import {
  DEFAULT_WEBHOOK_OPTIONS,
  startWebhookWorker,
  type WebhookWorkerOptions,
} from './webhook/webhook.worker';
import type { UrlPolicy } from './webhook/webhook-url';
import { SpecialReport, Speech } from './plenary/plenary.entity';
import {
  SpecialReportResolver,
  SpeechResolver,
  plenaryReference,
} from './plenary/plenary.resolver';
import { Proposal } from './proposal/proposal.entity';
import { DepartmentProposalFieldsResolver } from './proposal/department.fields';
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

/** One resolver class per URL policy: type-graphql keeps every class it sees for good. */
const webhookResolvers = new Map<string, ReturnType<typeof webhookResolver>>();
function webhooksFor({ allowPrivate, allowLoopback }: UrlPolicy) {
  const key = `${allowPrivate}/${allowLoopback}`;
  if (!webhookResolvers.has(key)) {
    webhookResolvers.set(key, webhookResolver({ allowPrivate, allowLoopback }));
  }
  return webhookResolvers.get(key)!;
}

/**
 * The channels subgraph: demands raised at homes and the four ways they go up (proposals,
 * sentiment reports, plenary speeches, special reports), to the departments' answers; their
 * domain events and the webhooks that deliver them, with deliberation's events followed from its
 * feed (`webhooks`: the process's settings).
 */
export function createChannelsSubgraph(
  webhooks: WebhookWorkerOptions = DEFAULT_WEBHOOK_OPTIONS,
): SubgraphProcess {
  return {
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
          DepartmentProposalFieldsResolver,
          MemberChannelsResolver,
          DivisionChannelStatsResolver,
          ChannelReportResolver,
          EventResolver,
          webhooksFor(webhooks),
        ],
        referenceResolvers: {
          ...demandReference,
          ...proposalReference,
          ...sentimentReportReference,
          ...plenaryReference,
        },
      }),
    createContext,
    // Its outbox as a feed: petitions learns the demands it may link to a case from it.
    internalRoutes: serveDomainEvents,
    startWorkers: (orm, settings) => [
      followHomes(orm, settings, { consumer: 'channels', recordTables: ['demand'] }),
      followDepartments(orm, settings, { consumer: 'channels' }),
      followMembers(orm, settings, { consumer: 'channels' }),
      followParticipants(orm, settings, { consumer: 'channels' }),
      startWebhookWorker(settings.databaseUrl, 'channels', settings.logger, webhooks),
      followDeliberationEvents(orm, settings),
      followSessions(orm, settings),
    ],
  };
}

/**
 * The channels subgraph with the default webhook settings and loopback receivers allowed: for
 * tests and local stacks in one process. `main` builds its own from the environment.
 */
export const channelsSubgraph = createChannelsSubgraph({
  ...DEFAULT_WEBHOOK_OPTIONS,
  allowLoopback: true,
});
