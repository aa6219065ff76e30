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
  Connection,
  DateScalar,
  OnSurfaces,
  PageArgs,
  canSeePersonalData,
  findConnection,
  likeEscape,
  maskPersonalData,
  surfacesOf,
  toPage,
  RecordQuery,
  StepInputArg,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import {
  DemandReference,
  DepartmentReference,
  DivisionReference,
  SessionReference,
  ref,
} from '../shared/references';
import { PetitionCaseEvent } from './petition-case-event.entity';
import { isOverdue, overdueWhere } from './petition-case.deadline';
import { PetitionCase, PetitionCaseStatus } from './petition-case.entity';
import { PetitionCaseStepInput, RegisterPetitionCaseInput } from './petition-case.inputs';
import {
  acceptPetitionCase,
  closePetitionCase,
  givePetitionOpinion,
  recordPetitionSession,
  registerPetitionCase,
  requestPetitionReview,
  reviewPetitionCase,
} from './petition-case.service';
import { BUREAU, PETITION_CASE_STEPS } from './petition-case.workflow';

export const PetitionCaseConnection = Connection(PetitionCase);

/** The surfaces where cases are read: the offices and the departments (the bureau among them). */
const READERS = ['city', 'county', 'department'] as const;
/** Where the bureau's and the handling department's steps are offered (their actors' surfaces). */
const BUREAU_SURFACES = surfacesOf(BUREAU);
const HANDLING_SURFACES = surfacesOf(PETITION_CASE_STEPS.giveOpinion.actor);

@ArgsType()
class PetitionCasesArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Cases concerning this division or below it (a code prefix).',
  })
  divisionCode?: string | null;

  @Field(() => [PetitionCaseStatus], {
    nullable: true,
    description: 'Cases in one of these statuses only.',
  })
  status?: PetitionCaseStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only cases overdue today (true), or only those not overdue (false).',
  })
  overdue?: boolean | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Registered on or after this day, `YYYY-MM-DD` (China Standard Time).',
  })
  registeredFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Registered on or before this day, `YYYY-MM-DD` (China Standard Time).',
  })
  registeredTo?: string | null;
}

@Resolver(() => PetitionCase)
export class PetitionCaseResolver extends RecordQuery(PetitionCase, {
  name: 'petitionCase',
  what: 'a petition case',
  surfaces: READERS,
  load: ({ loaders }: Context, id) => loaders.petitionCase.byId.load(id),
}) {
  @OnSurfaces(...READERS)
  @Query(() => PetitionCaseConnection, {
    description: 'Petition cases in your jurisdiction, latest registered first.',
  })
  petitionCases(@Args(() => PetitionCasesArgs) args: PetitionCasesArgs, @Ctx() { em }: Context) {
    const page = toPage(args);
    const where: FilterQuery<PetitionCase> & Record<string, unknown> = {};
    const and: object[] = [];
    if (args.divisionCode) where.divisionCode = { $like: `${likeEscape(args.divisionCode)}%` };
    if (args.status?.length) where.status = { $in: args.status };
    if (args.registeredFrom) and.push({ registeredOn: { $gte: args.registeredFrom } });
    if (args.registeredTo) and.push({ registeredOn: { $lte: args.registeredTo } });
    if (args.overdue != null) and.push(overdueWhere(args.overdue));
    if (and.length) where.$and = and as never;
    return findConnection(em, PetitionCase, where, { registeredOn: 'desc', id: 'asc' }, page);
  }

  @OnSurfaces(...BUREAU_SURFACES)
  @Mutation(() => PetitionCase, {
    description:
      'Registers a petition case (REGISTERED), as its petitions bureau (信访局). Retrying with the same key and input is safe.',
  })
  registerPetitionCase(
    @Arg('input', () => RegisterPetitionCaseInput, { description: 'The case.' })
    input: RegisterPetitionCaseInput,
    @Ctx() { em, caller }: Context,
  ) {
    return registerPetitionCase(em, caller, input);
  }

  @OnSurfaces(...BUREAU_SURFACES)
  @Mutation(() => PetitionCase, {
    description:
      'Accepts a case (受理) and gives it to a handling department, whose opinion is due 60 days later. The bureau’s step.',
  })
  acceptPetitionCase(
    @StepInputArg(PetitionCaseStepInput) input: PetitionCaseStepInput,
    @Arg('handlingDepartmentId', () => ID, {
      description: "The department handling it: of the case's county or of the city.",
    })
    handlingDepartmentId: string,
    @Arg('acceptedOn', () => DateScalar, {
      nullable: true,
      description: 'The day it was accepted, `YYYY-MM-DD` (not in the future); today by default.',
    })
    acceptedOn: string | null,
    @Ctx() { em, caller }: Context,
  ) {
    return acceptPetitionCase(
      em,
      caller,
      input.caseId,
      input.expectedVersion,
      handlingDepartmentId,
      acceptedOn,
    );
  }

  @OnSurfaces(...HANDLING_SURFACES)
  @Mutation(() => PetitionCase, {
    description: "Gives the handling opinion (办理意见). The handling department's step.",
  })
  givePetitionOpinion(
    @StepInputArg(PetitionCaseStepInput) input: PetitionCaseStepInput,
    @Arg('opinion', () => String, { description: 'The opinion, at most 5,000 characters.' })
    opinion: string,
    @Ctx() { em, caller }: Context,
  ) {
    return givePetitionOpinion(em, caller, input.caseId, input.expectedVersion, opinion);
  }

  @OnSurfaces(...BUREAU_SURFACES)
  @Mutation(() => PetitionCase, {
    description:
      'Records that the petitioner disagreed with the opinion and asked for a review (复查); once per case. The bureau’s step.',
  })
  requestPetitionReview(
    @StepInputArg(PetitionCaseStepInput) input: PetitionCaseStepInput,
    @Arg('reason', () => String, { description: 'Why, at most 5,000 characters.' })
    reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return requestPetitionReview(em, caller, input.caseId, input.expectedVersion, reason);
  }

  @OnSurfaces(...BUREAU_SURFACES)
  @Mutation(() => PetitionCase, {
    description: 'Records the review opinion (复查意见). The bureau’s step.',
  })
  reviewPetitionCase(
    @StepInputArg(PetitionCaseStepInput) input: PetitionCaseStepInput,
    @Arg('opinion', () => String, { description: 'The review opinion, at most 5,000 characters.' })
    opinion: string,
    @Ctx() { em, caller }: Context,
  ) {
    return reviewPetitionCase(em, caller, input.caseId, input.expectedVersion, opinion);
  }

  @OnSurfaces(...BUREAU_SURFACES)
  @Mutation(() => PetitionCase, {
    description: 'Closes a case (办结) once handled or reviewed. The bureau’s step.',
  })
  closePetitionCase(
    @StepInputArg(PetitionCaseStepInput) input: PetitionCaseStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return closePetitionCase(em, caller, input.caseId, input.expectedVersion);
  }

  @OnSurfaces(...BUREAU_SURFACES)
  @Mutation(() => PetitionCase, {
    description:
      'Records a multi-party platform session (多方协商平台) held on the case; its history gains an entry, its state stays; recording it again changes nothing. The bureau’s step. BAD_USER_INPUT on `sessionId` when the session is unknown or of another county than the case (both in the same words), not MULTI_PARTY, cancelled, or already recorded on another case.',
  })
  recordPetitionSession(
    @StepInputArg(PetitionCaseStepInput) input: PetitionCaseStepInput,
    @Arg('sessionId', () => ID, {
      description:
        "The session (deliberation's) held or planned on it: a MULTI_PARTY session of the case's county, not cancelled. The petitions bureau learns of sessions from deliberation's feed: one just scheduled may take a moment (about a second) to be known, and reads as unknown until then.",
    })
    sessionId: string,
    @Ctx() { em, caller }: Context,
  ) {
    return recordPetitionSession(em, caller, input.caseId, input.expectedVersion, sessionId);
  }

  @FieldResolver(() => [String], {
    description:
      "The petitioners' names (personal data): in full for the CPPCC offices' staff who may see personal data, masked (`**` for a two-character name) for other staff. Offered on the city and county surfaces only: departments (the petitions bureau included, whose own case system holds them) and the public never receive them.",
  })
  petitioners(@Root() record: PetitionCase, @Ctx() { caller }: Context) {
    return canSeePersonalData(caller)
      ? record.petitioners
      : record.petitioners.map((name) => maskPersonalData(name) ?? '');
  }

  @FieldResolver(() => DivisionReference, {
    description: 'The village, community or township the matter concerns.',
  })
  division(@Root() record: PetitionCase) {
    return { code: record.divisionCode };
  }

  @FieldResolver(() => DepartmentReference, {
    nullable: true,
    description: 'The department handling it (承办单位), from acceptance on.',
  })
  handlingDepartment(@Root() record: PetitionCase) {
    return record.handlingDepartmentId ? ref(record.handlingDepartmentId) : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Accepted, no opinion yet, and past `opinionDueOn` today (China Standard Time).',
  })
  isOverdue(@Root() record: PetitionCase) {
    return isOverdue(record);
  }

  @FieldResolver(() => [DemandReference], {
    nullable: 'items',
    description:
      'The demands (petition matters raised at homes) it was registered for; null for one outside your jurisdiction.',
  })
  demands(@Root() record: PetitionCase) {
    return record.demandIds.map(ref);
  }

  @FieldResolver(() => [SessionReference], {
    nullable: 'items',
    description:
      'The multi-party platform sessions (多方协商平台) held on it, in the order recorded; null for one outside your jurisdiction.',
  })
  sessions(@Root() record: PetitionCase) {
    return record.sessionIds.map(ref);
  }

  @FieldResolver(() => [PetitionCaseEvent], { description: 'Every step, dated and attributed.' })
  history(@Root() record: PetitionCase, @Ctx() { loaders }: Context) {
    return loaders.petitionCase.history.load(record.id);
  }
}

export const petitionCaseReference = {
  PetitionCase: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.petitionCase.byId.load(reference.id),
  },
};
