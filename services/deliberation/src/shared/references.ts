import { CacheFor } from '@cppcc/toolkit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organization's Committee, named by id; the organization resolves its fields. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Committee')
export class CommitteeReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Department, named by id; this subgraph adds the sessions it is invited to. */
@Directive('@key(fields: "id")')
@ObjectType('Department')
export class DepartmentReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Division, named by its statistics code; this subgraph adds its session figures. */
@Directive('@key(fields: "code")')
@CacheFor()
@ObjectType('Division')
export class DivisionReference {
  @Field(() => ID)
  code: string;
}

/** The organization's Member, named by id; this subgraph adds their attendance. */
@Directive('@key(fields: "id")')
@ObjectType('Member')
export class MemberReference {
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

/** The channels subgraph's Demand, named by id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Demand')
export class DemandReference {
  @Field(() => ID)
  id: string;
}
