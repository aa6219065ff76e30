import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  BadUserInputError,
  findConnection,
  isUuid,
  HiddenOn,
  OnSurfaces,
  Connection,
  likeEscape,
  toPage,
  RecordQuery,
  StepInputArg,
} from '@cppcc/toolkit';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { Home, HomeCadence } from '../home/home.entity';
import { SESSIONS_REQUIRED_PER_QUARTER } from './session.cadence';
import { PeriodPageArgs, instantsWithin, listPeriodOf } from '@cppcc/reporting';
import { CadenceReport, cadenceReport } from './session.cadence-report';
import { Minutes } from '../minutes/minutes.entity';
import { AgendaItem } from '../agenda/agenda.entity';
import { Attendance } from '../attendance/attendance.entity';
import { AttendanceCounts, countAttendance } from '../attendance/attendance.counts';
import { Session, SessionKind, SessionStatus } from './session.entity';
import { SessionEvent } from './session-event.entity';
import { ScheduleSessionInput, SessionStepInput } from './session.inputs';
import {
  cancelSession,
  recordSessionHeld,
  rescheduleSession,
  scheduleSession,
} from './session.service';
import { CommitteeReference, DepartmentReference, DivisionReference } from '../shared/references';

export const SessionConnection = Connection(Session);

@ArgsType()
class SessionsArgs extends PeriodPageArgs('Scheduled') {
  @Field(() => String, {
    nullable: true,
    description: 'Sessions of homes in this division or below it (a code prefix).',
  })
  divisionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Sessions of this home only.' })
  homeId?: string | null;

  @Field(() => SessionStatus, { nullable: true, description: 'Sessions in this status only.' })
  status?: SessionStatus | null;

  @Field(() => SessionKind, { nullable: true, description: 'Sessions of this form only.' })
  kind?: SessionKind | null;

  @Field(() => ID, { nullable: true, description: 'Sessions this department is invited to.' })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Sessions this special committee coordinates.' })
  coordinatingCommitteeId?: string | null;
}

@Resolver(() => Session)
export class SessionResolver extends RecordQuery(Session, {
  name: 'session',
  what: 'a session',
  surfaces: ['city', 'county', 'home', 'department', 'public'],
  load: ({ loaders }: Context, id) => loaders.session.byId.load(id),
}) {
  @OnSurfaces('city', 'county')
  @Query(() => CadenceReport, {
    description:
      'Which homes of a division met in a quarter, with a summary per division under it.',
  })
  cadenceReport(
    @Arg('divisionCode', () => String, {
      description: 'The division whose homes are counted: its code, e.g. `320706`.',
    })
    divisionCode: string,
    @Arg('year', () => Int, { description: 'The year, e.g. 2026.' }) year: number,
    @Arg('quarter', () => Int, {
      description: 'The quarter, 1–4, in China Standard Time (Q1 is January to March).',
    })
    quarter: number,
    @Ctx() { em, caller }: Context,
  ) {
    return cadenceReport(em, caller, divisionCode, year, quarter);
  }

  @OnSurfaces('city', 'county', 'home', 'department', 'public')
  @Query(() => SessionConnection, { description: 'Sessions in your jurisdiction, latest first.' })
  async sessions(@Args(() => SessionsArgs) args: SessionsArgs, @Ctx() { em }: Context) {
    const page = toPage(args);
    const where: FilterQuery<Session> & Record<string, unknown> = {};
    if (args.divisionCode) where.divisionCode = { $like: `${likeEscape(args.divisionCode)}%` };
    if (args.homeId) where.homeId = args.homeId;
    if (args.status) where.status = args.status;
    if (args.kind) where.kind = args.kind;
    const scheduled = instantsWithin(listPeriodOf(args));
    if (scheduled) where.scheduledAt = scheduled;
    for (const [field, value] of [
      ['departmentId', args.departmentId],
      ['coordinatingCommitteeId', args.coordinatingCommitteeId],
    ] as const) {
      if (value != null && !isUuid(value)) throw new BadUserInputError('This is not an id.', field);
    }
    if (args.departmentId) where.departmentIds = { $contains: [args.departmentId] };
    if (args.coordinatingCommitteeId) where.coordinatingCommitteeId = args.coordinatingCommitteeId;
    return findConnection(em, Session, where, { scheduledAt: 'desc', id: 'asc' }, page);
  }

  @FieldResolver(() => CommitteeReference, {
    nullable: true,
    description:
      'The city special committee (专门委员会) that coordinates it: one does when city departments take part or the matter crosses county lines.',
  })
  coordinatingCommittee(@Root() session: Session): CommitteeReference | null {
    return session.coordinatingCommitteeId ? { id: session.coordinatingCommitteeId } : null;
  }

  @FieldResolver(() => [DepartmentReference], {
    description: 'The departments invited to take part.',
  })
  departments(@Root() session: Session): DepartmentReference[] {
    return session.departmentIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [DivisionReference], {
    description: "The divisions the matter concerns besides the home's own.",
  })
  involvedDivisions(@Root() session: Session): DivisionReference[] {
    return session.involvedDivisions.map((code) => ({ code }));
  }

  @FieldResolver(() => Minutes, {
    nullable: true,
    description: 'Its minutes, once drafted (the public sees published ones).',
  })
  minutes(@Root() session: Session, @Ctx() { loaders }: Context) {
    return loaders.minutes.ofSession.load(session.id);
  }

  @HiddenOn('public')
  @FieldResolver(() => [AgendaItem], { description: 'The agenda (议题), in order.' })
  agenda(@Root() session: Session, @Ctx() { loaders }: Context) {
    return loaders.session.agenda.load(session.id);
  }

  @HiddenOn('public', 'department')
  @FieldResolver(() => [Attendance], { description: 'Who was invited, and whether they came.' })
  attendance(@Root() session: Session, @Ctx() { loaders }: Context) {
    return loaders.session.attendance.load(session.id);
  }

  @FieldResolver(() => AttendanceCounts, { description: 'Attendance in numbers.' })
  async attendanceCounts(@Root() session: Session, @Ctx() { loaders }: Context) {
    return countAttendance(await loaders.session.attendance.load(session.id));
  }

  @HiddenOn('public')
  @FieldResolver(() => [SessionEvent], {
    description: "The steps of the session's life, oldest first.",
  })
  history(@Root() session: Session, @Ctx() { loaders }: Context) {
    return loaders.session.history.load(session.id);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Session, { description: 'Schedules a consultation activity of a home.' })
  scheduleSession(
    @Arg('input', () => ScheduleSessionInput, { description: 'The new session.' })
    input: ScheduleSessionInput,
    @Ctx() { em, caller }: Context,
  ) {
    return scheduleSession(em, caller, input);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Session, { description: 'Moves a planned session to another date (改期).' })
  rescheduleSession(
    @StepInputArg(SessionStepInput) input: SessionStepInput,
    @Arg('scheduledAt', () => Date, { description: 'The new date and time, ISO 8601 with offset.' })
    scheduledAt: Date,
    @Ctx() { em, caller }: Context,
  ) {
    return rescheduleSession(em, caller, input.sessionId, scheduledAt, input.expectedVersion);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Session, { description: 'Records that a planned session took place.' })
  recordSessionHeld(
    @StepInputArg(SessionStepInput) input: SessionStepInput,
    @Arg('heldAt', () => Date, { description: 'When it took place, ISO 8601 with offset.' })
    heldAt: Date,
    @Ctx() { em, caller }: Context,
  ) {
    return recordSessionHeld(em, caller, input.sessionId, heldAt, input.expectedVersion);
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Session, { description: 'Calls off a planned session, with the reason.' })
  cancelSession(
    @StepInputArg(SessionStepInput) input: SessionStepInput,
    @Arg('reason', () => String, { description: 'Why it is called off, shown on the session.' })
    reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return cancelSession(em, caller, input.sessionId, reason, input.expectedVersion);
  }

  @FieldResolver(() => Home, { description: 'The home that holds the session.' })
  home(@Root() session: Session): Home {
    return { id: session.homeId };
  }
}

@ArgsType()
class HomeSessionsArgs extends PeriodPageArgs('Scheduled') {
  @Field(() => [SessionStatus], {
    nullable: true,
    description: 'Sessions in one of these statuses only.',
  })
  status?: SessionStatus[] | null;

  @Field(() => SessionKind, { nullable: true, description: 'Sessions of this form only.' })
  kind?: SessionKind | null;
}

@Resolver(() => Home)
export class HomeSessionsResolver {
  @OnSurfaces('city', 'county', 'home', 'department', 'public')
  @FieldResolver(() => SessionConnection, {
    // Nullable, like every field one subgraph adds to another's entity: when deliberation is
    // down, the rest of a home's answer still arrives.
    nullable: true,
    description: "The home's consultation activities, latest first.",
  })
  sessions(
    @Root() home: Home,
    @Args(() => HomeSessionsArgs) args: HomeSessionsArgs,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.session
      .ofHome({
        status: args.status ?? [],
        kinds: args.kind ? [args.kind] : [],
        ...listPeriodOf(args),
      })
      .load({ key: home.id, page: toPage(args) });
  }

  @FieldResolver(() => HomeCadence, {
    nullable: true,
    description:
      'Whether the home held its activity in the quarter: in principle one consultation activity per home per quarter.',
  })
  async cadence(
    @Root() home: Home,
    @Arg('year', () => Int, { description: 'The year, e.g. 2026.' }) year: number,
    @Arg('quarter', () => Int, {
      description: 'The quarter, 1–4, in China Standard Time (Q1 is January to March).',
    })
    quarter: number,
    @Ctx() { loaders }: Context,
  ): Promise<HomeCadence> {
    const held = await loaders.session.heldInQuarter.load({ homeId: home.id, year, quarter });
    return {
      year,
      quarter,
      held,
      required: SESSIONS_REQUIRED_PER_QUARTER,
      compliant: held >= SESSIONS_REQUIRED_PER_QUARTER,
    };
  }
}

export const sessionReference = {
  Session: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.session.byId.load(reference.id),
  },
};
