import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { OnSurfaces, toPage } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Demand } from '../demand/demand.entity';
import { Home } from '../home/home.entity';
import { ProposalStatus } from '../proposal/proposal.entity';
import { PROPOSAL_ORDERS } from '../proposal/proposal.loader';
import { ProposalConnection } from '../proposal/proposal.resolver';
import { SENTIMENT_REPORT_ORDERS } from '../sentiment-report/sentiment-report.loader';
import { SentimentReportConnection } from '../sentiment-report/sentiment-report.resolver';
import { InboxPageArgs } from '../shared/inbox-args';
import { DepartmentReference, MemberReference, SessionReference, refs } from '../shared/references';
import { Escalation, Sources } from './escalation';

@Resolver(() => Sources)
export class SourcesResolver {
  @FieldResolver(() => [Demand], { description: 'The demands it cites (those you may see).' })
  async demands(@Root() sources: Sources, @Ctx() { loaders }: Context) {
    const demands = await loaders.demand.byId.loadMany(sources.demandIds);
    return demands.filter((demand): demand is Demand => demand instanceof Demand);
  }

  // Items nullable: a session or home the caller may not see resolves to null.
  @FieldResolver(() => [SessionReference], {
    nullable: 'items',
    description: 'The sessions it came out of.',
  })
  sessions(@Root() sources: Sources) {
    return refs(sources.sessionIds);
  }

  @FieldResolver(() => [Home], {
    nullable: 'items',
    description: 'The homes its demands were raised at.',
  })
  homes(@Root() sources: Sources): Home[] {
    return refs(sources.homeIds);
  }
}

@Resolver(() => SessionReference)
export class SessionOutcomesResolver {
  @OnSurfaces('city', 'county', 'department')
  @FieldResolver(() => [Escalation], {
    nullable: true,
    description: 'What the session sent up (those you may see): proposals, reports, speeches.',
  })
  outcomes(@Root() session: SessionReference, @Ctx() { loaders }: Context) {
    return loaders.lineage.outcomesOfSession.load(session.id);
  }
}

@ArgsType()
class AssignedProposalsArgs extends InboxPageArgs {
  @Field(() => [ProposalStatus], {
    nullable: true,
    description: 'Proposals in one of these statuses only.',
  })
  status?: ProposalStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Overdue ones only, or none.' })
  overdue?: boolean | null;
}

@Resolver(() => DepartmentReference)
export class DepartmentChannelsResolver {
  @OnSurfaces('city', 'county', 'department')
  @FieldResolver(() => ProposalConnection, {
    nullable: true,
    description:
      'Proposals assigned to it (lead or co-handling), newest first (by creation, then id): an order that never changes, so paging sees each proposal once.',
  })
  assignedProposals(
    @Root() department: DepartmentReference,
    @Args(() => AssignedProposalsArgs) args: AssignedProposalsArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.proposal
      .assignedTo({
        status: args.status ?? [],
        overdue: args.overdue ?? null,
        updatedAfter: args.updatedAfter ?? null,
      })
      .load({ key: department.id, page: toPage(args, '', PROPOSAL_ORDERS.assignedTo) });
  }

  @OnSurfaces('city', 'county', 'department')
  @FieldResolver(() => SentimentReportConnection, {
    nullable: true,
    description: 'Sentiment reports forwarded to it, newest first (by creation, then id).',
  })
  forwardedReports(
    @Root() department: DepartmentReference,
    @Args(() => InboxPageArgs) args: InboxPageArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.sentimentReport
      .forwardedTo(args.updatedAfter ?? null)
      .load({ key: department.id, page: toPage(args, '', SENTIMENT_REPORT_ORDERS.forwardedTo) });
  }
}

@Resolver(() => MemberReference)
export class MemberChannelsResolver {
  @OnSurfaces('city', 'county')
  @FieldResolver(() => ProposalConnection, {
    nullable: true,
    description: 'Proposals the member leads or co-signed, newest first (by creation, then id).',
  })
  proposals(
    @Root() member: MemberReference,
    @Args(() => AssignedProposalsArgs) args: AssignedProposalsArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.proposal
      .ofMember({
        status: args.status ?? [],
        overdue: args.overdue ?? null,
        updatedAfter: args.updatedAfter ?? null,
      })
      .load({ key: member.id, page: toPage(args, '', PROPOSAL_ORDERS.ofMember) });
  }

  @OnSurfaces('city', 'county')
  @FieldResolver(() => SentimentReportConnection, {
    nullable: true,
    description: 'Sentiment reports the member wrote, newest first (by creation, then id).',
  })
  sentimentReports(
    @Root() member: MemberReference,
    @Args(() => InboxPageArgs) args: InboxPageArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.sentimentReport
      .ofAuthor(args.updatedAfter ?? null)
      .load({ key: member.id, page: toPage(args, '', SENTIMENT_REPORT_ORDERS.ofAuthor) });
  }
}
