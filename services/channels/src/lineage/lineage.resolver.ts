import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { OnSurfaces, PageArgs, toPage } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Demand } from '../demand/demand.entity';
import { Home } from '../home/home.entity';
import { ProposalStatus } from '../proposal/proposal.entity';
import { ProposalConnection } from '../proposal/proposal.resolver';
import { SentimentReportConnection } from '../sentiment-report/sentiment-report.resolver';
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
class AssignedProposalsArgs extends PageArgs {
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
    description: 'Proposals assigned to it (lead or co-handling), the soonest due first.',
  })
  assignedProposals(
    @Root() department: DepartmentReference,
    @Args(() => AssignedProposalsArgs) args: AssignedProposalsArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.proposal
      .assignedTo({ status: args.status ?? [], overdue: args.overdue ?? null })
      .load({ key: department.id, page: toPage(args) });
  }

  @OnSurfaces('city', 'county', 'department')
  @FieldResolver(() => SentimentReportConnection, {
    nullable: true,
    description: 'Sentiment reports forwarded to it, latest first.',
  })
  forwardedReports(
    @Root() department: DepartmentReference,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.sentimentReport.forwardedTo.load({ key: department.id, page: toPage(args) });
  }
}

@Resolver(() => MemberReference)
export class MemberChannelsResolver {
  @OnSurfaces('city', 'county')
  @FieldResolver(() => ProposalConnection, {
    nullable: true,
    description: 'Proposals the member leads or co-signed, latest first.',
  })
  proposals(
    @Root() member: MemberReference,
    @Args(() => AssignedProposalsArgs) args: AssignedProposalsArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.proposal
      .ofMember({ status: args.status ?? [], overdue: args.overdue ?? null })
      .load({ key: member.id, page: toPage(args) });
  }

  @OnSurfaces('city', 'county')
  @FieldResolver(() => SentimentReportConnection, {
    nullable: true,
    description: 'Sentiment reports the member wrote, latest first.',
  })
  sentimentReports(
    @Root() member: MemberReference,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.sentimentReport.ofAuthor.load({ key: member.id, page: toPage(args) });
  }
}
