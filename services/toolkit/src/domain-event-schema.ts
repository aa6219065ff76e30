import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { type Caller, BadUserInputError, DateTimeScalar } from '@cppcc/contract';
import { readEvents, type EventRow } from './domain-events';
import { Connection, PageArgs } from './pagination';
import { FieldsOn } from './surfaces';

/**
 * The GraphQL face of a service's outbox: the event type (named per subgraph, since each
 * subgraph serves its own events under its own root field), its connection, the arguments of
 * the list and the list itself. Call once per subgraph.
 */
export function domainEventSchema(
  nodeName: string,
  description: string,
  knownTypes: readonly string[],
) {
  // Events are for departments' systems as much as for the offices: every field is theirs too.
  @FieldsOn('department', [
    'id',
    'type',
    'occurredAt',
    'recordType',
    'recordId',
    'recordVersion',
    'divisionCode',
    'departmentIds',
    'homeIds',
    'payload',
  ])
  @ObjectType(nodeName, { description })
  class EventNode {
    @Field(() => ID, {
      description: 'The UUID of the event, stable forever (the `webhook-id` of its deliveries).',
    })
    id: string;

    @Field({
      description: `What happened: one of ${knownTypes.map((type) => `\`${type}\``).join(', ')}.`,
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
        'Ids and states of the record after the step, as the text of a JSON object (e.g. ' +
        '`{"status":"ASSIGNED","leadDepartmentId":"…","dueOn":"2027-02-28"}`); never personal data.',
    })
    payload: string;
  }

  @ArgsType()
  class EventArgs extends PageArgs {
    @Field(() => [String], {
      nullable: true,
      description: 'Only events of these types (e.g. `proposal.assigned`); every type when absent.',
    })
    types?: string[] | null;
  }

  const toNode = (row: EventRow): EventNode => ({
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
  });

  return {
    EventNode,
    EventConnection: Connection(EventNode, nodeName),
    EventArgs,
    /** A page of the caller's events; BAD_USER_INPUT for a type this subgraph never raises. */
    async list(em: EntityManager, caller: Caller, args: EventArgs) {
      const unknown = (args.types ?? []).findIndex((type) => !knownTypes.includes(type));
      if (unknown !== -1) {
        throw new BadUserInputError('Not an event type of this list.', `types.${unknown}`);
      }
      const page = await readEvents(em, caller, args);
      return {
        ...page,
        edges: page.edges.map(({ cursor, node }) => ({ cursor, node: toNode(node) })),
      };
    },
  };
}
