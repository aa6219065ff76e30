import { Args, ArgsType, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import {
  BadUserInputError,
  Connection,
  DateTimeScalar,
  OnSurfaces,
  PageArgs,
  readEvents,
  type EventRow,
} from '@cppcc/toolkit';
import type { Context } from '../context';
import { CHANNEL_EVENT_TYPES } from './channel-events';

@ObjectType('DomainEvent', {
  description:
    'Something that happened to a proposal, sentiment report or demand that a party outside must ' +
    'hear of (a transactional outbox entry). It carries ids and states only: read the record ' +
    'through the graph for the rest.',
})
export class DomainEventNode {
  @Field(() => ID, {
    description: 'The UUID of the event, stable forever (the `webhook-id` of its deliveries).',
  })
  id: string;

  @Field({
    description: `What happened: one of ${CHANNEL_EVENT_TYPES.map((type) => `\`${type}\``).join(', ')}.`,
  })
  type: string;

  @Field(() => DateTimeScalar, { description: 'When the step was taken, ISO 8601 (UTC).' })
  occurredAt: Date;

  @Field({ description: 'The type of the record, e.g. `Proposal`.' })
  recordType: string;

  @Field(() => ID, { description: 'The UUID of the record.' })
  recordId: string;

  @Field(() => Int, { description: 'The record’s `version` once the step was taken.' })
  recordVersion: number;

  @Field({ description: 'The statistics code of the record’s division.' })
  divisionCode: string;

  @Field(() => [ID], { description: 'The departments it is addressed to (may be empty).' })
  departmentIds: string[];

  @Field(() => [ID], { description: 'The homes it concerns (may be empty).' })
  homeIds: string[];

  @Field({
    description:
      'Ids and states of the record after the step, as a JSON object text (e.g. ' +
      '`{"status":"ASSIGNED","leadDepartmentId":"…","dueOn":"2027-02-28"}`); never personal data.',
  })
  payload: string;
}

export const DomainEventConnection = Connection(DomainEventNode, 'DomainEvent');

@ArgsType()
class EventsArgs extends PageArgs {
  @Field(() => [String], {
    nullable: true,
    description: 'Only events of these types (e.g. `proposal.assigned`); every type when absent.',
  })
  types?: string[] | null;
}

export function toEventNode(row: EventRow): DomainEventNode {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at,
    recordType: row.record_type,
    recordId: row.record_id,
    recordVersion: row.record_version,
    divisionCode: row.division_code,
    departmentIds: row.department_ids,
    homeIds: row.home_ids,
    payload: JSON.stringify(row.payload),
  };
}

@Resolver(() => DomainEventNode)
export class EventResolver {
  @OnSurfaces('city', 'county', 'department')
  @Query(() => DomainEventConnection, {
    description:
      'Events of proposals, sentiment reports and demands you may receive (a department: those ' +
      'addressed to it; an office: its division’s), oldest first, in commit order. A page never ' +
      'skips an event committed later: a system that was down resumes from its last `endCursor`.',
  })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() { em, caller }: Context) {
    const unknown = (args.types ?? []).find(
      (type) => !(CHANNEL_EVENT_TYPES as readonly string[]).includes(type),
    );
    if (unknown !== undefined) {
      throw new BadUserInputError(`${unknown} is not an event type of this list.`, 'types');
    }
    const page = await readEvents(em, caller, args);
    return {
      ...page,
      edges: page.edges.map(({ cursor, node }) => ({ cursor, node: toEventNode(node) })),
    };
  }
}
