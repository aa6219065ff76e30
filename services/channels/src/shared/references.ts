import { CacheFor } from '@cppcc/toolkit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Deliberation's Session, named by id; this subgraph adds what it sent up (`outcomes`). */
@Directive('@key(fields: "id")')
@ObjectType('Session')
export class SessionReference {
  @Field(() => ID)
  id: string;
}

/** Deliberation's AgendaItem, named by id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('AgendaItem')
export class AgendaItemReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Department; this subgraph adds its assigned proposals and forwarded reports. */
@Directive('@key(fields: "id")')
@CacheFor()
@ObjectType('Department')
export class DepartmentReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Member; this subgraph adds their proposals and sentiment reports. */
@Directive('@key(fields: "id")')
@ObjectType('Member')
export class MemberReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Committee, named by id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Committee')
export class CommitteeReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Participant, named by id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Participant')
export class ParticipantReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Division, named by its statistics code; this subgraph adds its channel figures. */
@Directive('@key(fields: "code")')
@CacheFor()
@ObjectType('Division')
export class DivisionReference {
  @Field(() => ID)
  code: string;
}

export const ref = (id: string) => ({ id });
export const refs = (ids: string[]) => ids.map(ref);
