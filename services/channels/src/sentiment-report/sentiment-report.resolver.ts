import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
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
  findConnection,
  isUuid,
  likeEscape,
  toPage,
  RecordQuery,
  StepInputArg,
} from '@cppcc/toolkit';
import { PeriodPageArgs, instantsWithin, listPeriodOf } from '@cppcc/reporting';
import type { Context } from '../context';
import { ChannelEvent } from '../history/channel-event.entity';
import { Sources, sourcesOf } from '../lineage/escalation';
import {
  DepartmentReference,
  DivisionReference,
  MemberReference,
  ref,
  refs,
} from '../shared/references';
import {
  DepartmentFeedback,
  InstructionLevel,
  IssuedTo,
  LeaderInstruction,
  SentimentReport,
  SentimentReportStatus,
} from './sentiment-report.entity';
import { InboxPageArgs, updatedSince } from '../shared/inbox-args';
import { DraftSentimentReportInput, SentimentReportStepInput } from './sentiment-report.inputs';
import { SENTIMENT_REPORT_ORDERS } from './sentiment-report.loader';
import {
  adoptSentimentReport,
  closeSentimentReport,
  draftSentimentReport,
  editSentimentReport,
  forwardSentimentReport,
  giveSentimentFeedback,
  issueSentimentReport,
  recordLeaderInstruction,
  rejectSentimentReport,
  submitSentimentReport,
} from './sentiment-report.service';

export const SentimentReportConnection = Connection(SentimentReport);

@InputType({ description: "A leader's instruction (批示)." })
class LeaderInstructionInput {
  @Field({ description: 'Who gave it, by office.' })
  leader: string;

  @Field(() => InstructionLevel, { description: 'City, province or national leader.' })
  level: InstructionLevel;

  @Field({ description: 'The instruction, as given.' })
  text: string;

  @Field(() => DateScalar, { description: 'The day it was given (`YYYY-MM-DD`).' })
  givenOn: string;
}

@ArgsType()
class SentimentReportsArgs extends PeriodPageArgs('Drafted', InboxPageArgs) {
  @Field(() => String, { nullable: true, description: 'Reports of this CPPCC (a code prefix).' })
  divisionCode?: string | null;

  @Field(() => [SentimentReportStatus], {
    nullable: true,
    description: 'Reports in one of these statuses only.',
  })
  status?: SentimentReportStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Forwarded to this department.' })
  departmentId?: string | null;
}

@Resolver(() => SentimentReport)
export class SentimentReportResolver extends RecordQuery(SentimentReport, {
  name: 'sentimentReport',
  what: 'a sentiment report',
  surfaces: ['city', 'county', 'department'],
  load: ({ loaders }: Context, id) => loaders.sentimentReport.byId.load(id),
}) {
  @OnSurfaces('city', 'county', 'department')
  @Query(() => SentimentReportConnection, {
    description:
      'Reports you may see (a department: those forwarded to it), newest first (by creation, then id): an order that never changes, so paging sees each report once.',
  })
  sentimentReports(
    @Args(() => SentimentReportsArgs) args: SentimentReportsArgs,
    @Ctx() { em }: Context,
  ) {
    const where: FilterQuery<SentimentReport> & Record<string, unknown> = {};
    if (args.divisionCode) where.divisionCode = { $like: `${likeEscape(args.divisionCode)}%` };
    if (args.status?.length) where.status = { $in: args.status };
    const drafted = instantsWithin(listPeriodOf(args));
    if (drafted) where.createdAt = drafted;
    if (args.departmentId) {
      where.departmentIds = isUuid(args.departmentId)
        ? { $contains: [args.departmentId] }
        : { $in: [] };
    }
    if (args.updatedAfter) where.updatedAt = { $gte: updatedSince(args.updatedAfter)! };
    return findConnection(
      em,
      SentimentReport,
      where,
      { createdAt: 'desc', id: 'desc' },
      toPage(args, '', SENTIMENT_REPORT_ORDERS.sentimentReports),
    );
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, {
    description: 'Drafts a report (DRAFT). Retrying with the same key and input is safe.',
  })
  draftSentimentReport(
    @Arg('input', () => DraftSentimentReportInput, { description: 'The new report.' })
    input: DraftSentimentReportInput,
    @Ctx() { em, caller }: Context,
  ) {
    return draftSentimentReport(em, caller, input);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, {
    description: 'Submits a draft; the demands it reports go up.',
  })
  submitSentimentReport(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return submitSentimentReport(em, caller, input.reportId, input.expectedVersion);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, { description: 'The office adopts (采用) a submitted report.' })
  adoptSentimentReport(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return adoptSentimentReport(em, caller, input.reportId, input.expectedVersion);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, { description: 'Not adopted, with the reason (the end).' })
  rejectSentimentReport(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Arg('reason', () => String, { description: 'Why it is not adopted, shown to the author.' })
    reason: string,
    @Ctx() { em, caller }: Context,
  ) {
    return rejectSentimentReport(em, caller, input.reportId, input.expectedVersion, reason);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, { description: "The office's edit for issue (编发)." })
  editSentimentReport(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Arg('title', () => String, {
      nullable: true,
      description: 'The edited title; left out, it stays.',
    })
    title: string | null,
    @Arg('content', () => String, {
      nullable: true,
      description: 'The edited text; left out, it stays.',
    })
    content: string | null,
    @Ctx() { em, caller }: Context,
  ) {
    return editSentimentReport(em, caller, input.reportId, input.expectedVersion, title, content);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, {
    description: 'Issues it to the party committee, government or above.',
  })
  issueSentimentReport(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Arg('issuedTo', () => [IssuedTo], {
      description:
        'Where it is sent: city party committee, city government, province or national CPPCC.',
    })
    issuedTo: IssuedTo[],
    @Ctx() { em, caller }: Context,
  ) {
    return issueSentimentReport(em, caller, input.reportId, input.expectedVersion, issuedTo);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, { description: "Records a leader's instruction (批示)." })
  recordLeaderInstruction(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Arg('instruction', () => LeaderInstructionInput, {
      description: 'The instruction (批示): who gave it, at which level, its text and date.',
    })
    instruction: LeaderInstructionInput,
    @Ctx() { em, caller }: Context,
  ) {
    return recordLeaderInstruction(em, caller, input.reportId, input.expectedVersion, instruction);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, {
    description: 'Forwards it to departments for their feedback.',
  })
  forwardSentimentReport(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Arg('departmentIds', () => [ID], {
      description:
        'The departments (承办单位) that receive it and give feedback: each one of the report’s county or of the city (docs/domain.md, “What a record may name”).',
    })
    departmentIds: string[],
    @Ctx() { em, caller }: Context,
  ) {
    return forwardSentimentReport(em, caller, input.reportId, input.expectedVersion, departmentIds);
  }

  @OnSurfaces('department')
  @Mutation(() => SentimentReport, {
    description: "A department's feedback on a report forwarded to it.",
  })
  giveSentimentFeedback(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Arg('text', () => String, {
      description: 'The department’s feedback (反馈), shown to the author when closed.',
    })
    text: string,
    @Ctx() { em, caller }: Context,
  ) {
    return giveSentimentFeedback(em, caller, input.reportId, input.expectedVersion, text);
  }

  @OnSurfaces('city', 'county')
  @Mutation(() => SentimentReport, {
    description: 'Closes it; the feedback is shown to the authors.',
  })
  closeSentimentReport(
    @StepInputArg(SentimentReportStepInput) input: SentimentReportStepInput,
    @Ctx() { em, caller }: Context,
  ) {
    return closeSentimentReport(em, caller, input.reportId, input.expectedVersion);
  }

  @FieldResolver(() => DivisionReference, { description: 'The CPPCC it was submitted to.' })
  division(@Root() report: SentimentReport) {
    return { code: report.divisionCode };
  }

  // Items nullable: an author outside the caller's jurisdiction resolves to null.
  @FieldResolver(() => [MemberReference], {
    description: 'The members who wrote it.',
    nullable: 'items',
  })
  authors(@Root() report: SentimentReport) {
    return refs(report.authorMemberIds);
  }

  @FieldResolver(() => [LeaderInstruction], { description: 'Leaders’ instructions (批示).' })
  instructions(@Root() report: SentimentReport, @Ctx() { loaders }: Context) {
    return loaders.sentimentReport.instructions.load(report.id);
  }

  @FieldResolver(() => [DepartmentReference], {
    description: 'The departments it was forwarded to.',
  })
  forwardedTo(@Root() report: SentimentReport) {
    return refs(report.departmentIds);
  }

  @FieldResolver(() => [DepartmentFeedback], {
    description: "The departments' feedback (a department sees its own).",
  })
  async feedback(@Root() report: SentimentReport, @Ctx() { loaders, caller }: Context) {
    const all = await loaders.sentimentReport.feedback.load(report.id);
    return caller.level === 'DEPARTMENT'
      ? all.filter((feedback) => feedback.departmentId === caller.departmentId)
      : all;
  }

  @FieldResolver(() => Sources, { description: 'The demands, sessions and homes it came from.' })
  sources(@Root() report: SentimentReport): Sources {
    return sourcesOf(report);
  }

  @FieldResolver(() => [ChannelEvent], { description: 'Every step, dated and attributed.' })
  history(@Root() report: SentimentReport, @Ctx() { loaders }: Context) {
    return loaders.history.load(report.id);
  }
}

@Resolver(() => DepartmentFeedback)
export class DepartmentFeedbackResolver {
  @FieldResolver(() => DepartmentReference, { description: 'The department that gave it.' })
  department(@Root() feedback: DepartmentFeedback) {
    return ref(feedback.departmentId);
  }
}

export const sentimentReportReference = {
  SentimentReport: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.sentimentReport.byId.load(reference.id),
  },
};
