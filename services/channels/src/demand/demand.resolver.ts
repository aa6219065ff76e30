import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import {
  canSeePersonalData,
  HiddenOn,
  findConnection,
  isUuid,
  maskPersonalData,
  OnSurfaces,
  Connection,
  PageArgs,
  likeEscape,
  toPage,
  RecordQuery,
  StepInputArg,
} from '@cppcc/toolkit';
import { PeriodPageArgs, instantsWithin, listPeriodOf } from '@cppcc/reporting';
import type { Context } from '../context';
import { Home } from '../home/home.entity';
import { ChannelEvent } from '../history/channel-event.entity';
import { Escalation } from '../lineage/escalation';
import {
  AgendaItemReference,
  ParticipantReference,
  SessionReference,
  ref,
} from '../shared/references';
import { Demand, DemandCategory, DemandStatus } from './demand.entity';
import { DemandStepInput, RaiseDemandInput } from './demand.inputs';
import { closeDemand, putDemandOnAgenda, raiseDemand, resolveDemandAtHome } from './demand.service';

export const DemandConnection = Connection(Demand);

@ArgsType()
class DemandsArgs extends PeriodPageArgs('Received') {
  @Field(() => String, {
    nullable: true,
    description: 'Demands concerning this division or below it (a code prefix).',
  })
  divisionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Demands raised at this home only.' })
  homeId?: string | null;

  @Field(() => [DemandStatus], {
    nullable: true,
    description: 'Demands in one of these statuses only.',
  })
  status?: DemandStatus[] | null;

  @Field(() => DemandCategory, { nullable: true, description: 'Demands of this category only.' })
  category?: DemandCategory | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Petition matters (信访事项) only, or none.',
  })
  isPetition?: boolean | null;
}

@Resolver(() => Demand)
export class DemandResolver extends RecordQuery(Demand, {
  name: 'demand',
  what: 'a demand',
  surfaces: ['city', 'county', 'home'],
  load: ({ loaders }: Context, id) => loaders.demand.byId.load(id),
}) {
  @OnSurfaces('city', 'county', 'home')
  @Query(() => DemandConnection, { description: 'Demands in your jurisdiction, latest first.' })
  async demands(@Args(() => DemandsArgs) args: DemandsArgs, @Ctx() { em }: Context) {
    const page = toPage(args);
    const where: FilterQuery<Demand> & Record<string, unknown> = {};
    if (args.divisionCode) where.divisionCode = { $like: `${likeEscape(args.divisionCode)}%` };
    if (args.homeId) where.homeId = isUuid(args.homeId) ? args.homeId : { $in: [] };
    if (args.status?.length) where.status = { $in: args.status };
    if (args.category) where.category = args.category;
    if (args.isPetition != null) where.isPetition = args.isPetition;
    const received = instantsWithin(listPeriodOf(args));
    if (received) where.receivedAt = received;
    return findConnection(em, Demand, where, { receivedAt: 'desc', id: 'asc' }, page);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Demand, {
    description:
      'Records a demand raised at a home (RECEIVED). Retrying with the same key and input is safe.',
  })
  raiseDemand(
    @Arg('input', () => RaiseDemandInput, { description: 'The demand and who raised it.' })
    input: RaiseDemandInput,
    @Ctx() { em, caller }: Context,
  ) {
    return raiseDemand(em, caller, input);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Demand, { description: "Puts a demand on a session's agenda item." })
  putDemandOnAgenda(
    @StepInputArg(DemandStepInput) input: DemandStepInput,
    @Arg('sessionId', () => ID, {
      description:
        "The session whose agenda takes it up: a session of the demand's own home, not cancelled; another is BAD_USER_INPUT.",
    })
    sessionId: string,
    @Arg('agendaItemId', () => ID, {
      description: 'The agenda item (议题) of that session it goes on.',
    })
    agendaItemId: string,
    @Ctx() { em, caller }: Context,
  ) {
    return putDemandOnAgenda(
      em,
      caller,
      input.demandId,
      input.expectedVersion,
      sessionId,
      agendaItemId,
    );
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Demand, {
    description: 'Records that a demand was settled at the home, and how.',
  })
  resolveDemandAtHome(
    @StepInputArg(DemandStepInput) input: DemandStepInput,
    @Arg('resolution', () => String, {
      description: 'How it was settled at the home, shown on the demand.',
    })
    resolution: string,
    @Ctx() { em, caller }: Context,
  ) {
    return resolveDemandAtHome(em, caller, input.demandId, input.expectedVersion, resolution);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Demand, {
    description: 'Closes a resolved or answered demand once the resident was told.',
  })
  closeDemand(
    @StepInputArg(DemandStepInput) input: DemandStepInput,
    @Arg('note', () => String, { description: 'How the resident was told, shown on the demand.' })
    note: string,
    @Ctx() { em, caller }: Context,
  ) {
    return closeDemand(em, caller, input.demandId, input.expectedVersion, note);
  }

  @FieldResolver(() => Home, { description: 'The home the demand was raised at.' })
  home(@Root() demand: Demand): Home {
    return { id: demand.homeId };
  }

  @FieldResolver(() => ParticipantReference, {
    nullable: true,
    description: 'The participant who raised it, when a registered one did.',
  })
  participant(@Root() demand: Demand) {
    return demand.participantId ? ref(demand.participantId) : null;
  }

  @HiddenOn('department', 'public')
  @FieldResolver(() => String, {
    nullable: true,
    description: "A resident's name; masked unless your role needs it.",
  })
  residentName(@Root() demand: Demand, @Ctx() { caller }: Context) {
    return canSeePersonalData(caller) ? demand.residentName : maskPersonalData(demand.residentName);
  }

  @HiddenOn('department', 'public')
  @FieldResolver(() => String, {
    nullable: true,
    description: "A resident's phone; masked unless your role needs it.",
  })
  residentContact(@Root() demand: Demand, @Ctx() { caller }: Context) {
    return canSeePersonalData(caller)
      ? demand.residentContact
      : maskPersonalData(demand.residentContact);
  }

  @FieldResolver(() => SessionReference, {
    nullable: true,
    description: 'The session whose agenda it was put on.',
  })
  session(@Root() demand: Demand) {
    return demand.sessionId ? ref(demand.sessionId) : null;
  }

  @FieldResolver(() => AgendaItemReference, {
    nullable: true,
    description: 'The agenda item (议题) it was put on.',
  })
  agendaItem(@Root() demand: Demand) {
    return demand.agendaItemId ? ref(demand.agendaItemId) : null;
  }

  @FieldResolver(() => [Escalation], {
    description: 'What it went up as (those you may see): proposals, reports, speeches.',
  })
  escalations(@Root() demand: Demand, @Ctx() { loaders }: Context) {
    return loaders.lineage.escalationsOfDemand.load(demand.id);
  }

  @FieldResolver(() => [ChannelEvent], { description: 'Every step, dated and attributed.' })
  history(@Root() demand: Demand, @Ctx() { loaders }: Context) {
    return loaders.history.load(demand.id);
  }
}

@Resolver(() => Home)
export class HomeDemandsResolver {
  @OnSurfaces('city', 'county', 'home')
  @FieldResolver(() => DemandConnection, {
    // Nullable, like every field one subgraph adds to another's entity: when channels is down,
    // the rest of a home's answer still arrives.
    nullable: true,
    description: 'Demands raised at the home, latest first.',
  })
  demands(
    @Root() home: Home,
    @Args(() => PageArgs) args: PageArgs,
    @Arg('status', () => [DemandStatus], {
      nullable: true,
      description: 'Demands in one of these statuses only.',
    })
    status: DemandStatus[] | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.demand.ofHome(status ?? []).load({ key: home.id, page: toPage(args) });
  }
}

export const demandReference = {
  Demand: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.demand.byId.load(reference.id),
  },
};
