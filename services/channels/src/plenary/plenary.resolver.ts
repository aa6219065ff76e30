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
  type ClassType,
} from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import {
  Connection,
  DateScalar,
  OnSurfaces,
  PageArgs,
  findConnection,
  isUuid,
  likeEscape,
  toPage,
  StepInputArg,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { ChannelEvent } from '../history/channel-event.entity';
import { Sources, sourcesOf } from '../lineage/escalation';
import {
  CommitteeReference,
  DivisionReference,
  MemberReference,
  ref,
  refs,
} from '../shared/references';
import { PlenaryStatus, SpecialReport, Speech, type PlenaryItem } from './plenary.entity';
import { PlenaryStepInput, SubmitPlenaryItemInput } from './plenary.inputs';
import {
  acceptPlenaryItem,
  declinePlenaryItem,
  deliverPlenaryItem,
  submitPlenaryItem,
} from './plenary.service';
import { SPECIAL_REPORT_WORKFLOW, SPEECH_WORKFLOW } from './plenary.workflow';

@ArgsType()
class PlenaryItemsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Of this CPPCC (a code prefix).' })
  divisionCode?: string | null;

  @Field(() => [PlenaryStatus], {
    nullable: true,
    description: 'Only those in one of these statuses.',
  })
  status?: PlenaryStatus[] | null;
}

/**
 * The queries, steps and fields of speeches and of special reports: the same shape under each
 * one's names (`speech`, `speeches`, `submitSpeech` … `specialReport`, `specialReports` …).
 */
function plenaryResolver<T extends PlenaryItem>(
  entity: ClassType<T>,
  workflow: typeof SPEECH_WORKFLOW | typeof SPECIAL_REPORT_WORKFLOW,
  singular: string,
  plural: string,
  label: string,
) {
  const ItemConnection = Connection(entity);
  const Type = singular[0].toUpperCase() + singular.slice(1);
  const flow = workflow as never;

  @Resolver(() => entity)
  class PlenaryResolver {
    @OnSurfaces('city', 'county')
    @Query(() => entity, { name: singular, nullable: true, description: `A ${label} by id.` })
    one(
      @Arg('id', () => ID, { description: `The UUID of the ${label}.` }) id: string,
      @Ctx() { em }: Context,
    ) {
      return isUuid(id) ? em.findOne(entity, { id } as never) : null;
    }

    @OnSurfaces('city', 'county')
    @Query(() => ItemConnection, {
      name: plural,
      description: `${label}s you may see, latest first.`,
    })
    list(@Args(() => PlenaryItemsArgs) args: PlenaryItemsArgs, @Ctx() { em }: Context) {
      const where: FilterQuery<PlenaryItem> & Record<string, unknown> = {};
      if (args.divisionCode) where.divisionCode = { $like: `${likeEscape(args.divisionCode)}%` };
      if (args.status?.length) where.status = { $in: args.status };
      return findConnection(
        em,
        entity,
        where as never,
        { createdAt: 'desc', id: 'asc' } as never,
        toPage(args),
      );
    }

    @OnSurfaces('city', 'county')
    @Mutation(() => entity, {
      name: `submit${Type}`,
      description: `Submits a ${label}; the demands it cites go up. Retrying with the same key and input is safe.`,
    })
    submit(
      @Arg('input', () => SubmitPlenaryItemInput, { description: `The new ${label}.` })
      input: SubmitPlenaryItemInput,
      @Ctx() { em, caller }: Context,
    ) {
      return submitPlenaryItem(em, caller, flow, input);
    }

    @OnSurfaces('city', 'county')
    @Mutation(() => entity, { name: `accept${Type}`, description: `Chooses the ${label}.` })
    accept(
      @StepInputArg(PlenaryStepInput) input: PlenaryStepInput,
      @Ctx() { em, caller }: Context,
    ) {
      return acceptPlenaryItem(em, caller, flow, input.id, input.expectedVersion);
    }

    @OnSurfaces('city', 'county')
    @Mutation(() => entity, {
      name: `decline${Type}`,
      description: `Declines the ${label}, with the reason.`,
    })
    decline(
      @StepInputArg(PlenaryStepInput) input: PlenaryStepInput,
      @Arg('reason', () => String, { description: 'Why it is declined, shown to the authors.' })
      reason: string,
      @Ctx() { em, caller }: Context,
    ) {
      return declinePlenaryItem(em, caller, flow, input.id, input.expectedVersion, reason);
    }

    @OnSurfaces('city', 'county')
    @Mutation(() => entity, {
      name: `deliver${Type}`,
      description: `Records that the ${label} was delivered, and what came of it.`,
    })
    deliver(
      @StepInputArg(PlenaryStepInput) input: PlenaryStepInput,
      @Arg('deliveredOn', () => DateScalar, {
        description: 'The day it was delivered (`YYYY-MM-DD`, China Standard Time).',
      })
      deliveredOn: string,
      @Arg('outcome', () => String, { nullable: true, description: 'What came of it, if known.' })
      outcome: string | null,
      @Ctx() { em, caller }: Context,
    ) {
      return deliverPlenaryItem(
        em,
        caller,
        flow,
        input.id,
        input.expectedVersion,
        deliveredOn,
        outcome,
      );
    }

    @FieldResolver(() => DivisionReference, { description: 'The CPPCC it was submitted to.' })
    division(@Root() item: PlenaryItem) {
      return { code: item.divisionCode };
    }

    // Items nullable: an author outside the caller's jurisdiction resolves to null.
    @FieldResolver(() => [MemberReference], {
      description: 'The members who wrote it.',
      nullable: 'items',
    })
    authors(@Root() item: PlenaryItem) {
      return refs(item.authorMemberIds);
    }

    @FieldResolver(() => CommitteeReference, {
      nullable: true,
      description: 'The committee that puts it forward, when one does rather than members.',
    })
    committee(@Root() item: PlenaryItem) {
      return item.committeeId ? ref(item.committeeId) : null;
    }

    @FieldResolver(() => Sources, { description: 'The demands, sessions and homes it came from.' })
    sources(@Root() item: PlenaryItem): Sources {
      return sourcesOf(item);
    }

    @FieldResolver(() => [ChannelEvent], { description: 'Every step, dated and attributed.' })
    history(@Root() item: PlenaryItem, @Ctx() { loaders }: Context) {
      return loaders.history.load(item.id);
    }
  }
  return PlenaryResolver;
}

export const SpeechResolver = plenaryResolver(
  Speech,
  SPEECH_WORKFLOW,
  'speech',
  'speeches',
  'plenary speech',
);
export const SpecialReportResolver = plenaryResolver(
  SpecialReport,
  SPECIAL_REPORT_WORKFLOW,
  'specialReport',
  'specialReports',
  'special report',
);

export const plenaryReference = {
  Speech: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.speech.load(reference.id),
  },
  SpecialReport: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.specialReport.load(reference.id),
  },
};
