import { CacheFor } from '@cppcc/toolkit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The channels subgraph's Demand, named by id; this subgraph adds its petition case. */
@Directive('@key(fields: "id")')
@ObjectType('Demand')
export class DemandReference {
  @Field(() => ID)
  id: string;
}

/** Deliberation's Session, named by id; this subgraph adds the petition case it was held on. */
@Directive('@key(fields: "id")')
@ObjectType('Session')
export class SessionReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Department, named by id; this subgraph adds the cases it handles. */
@Directive('@key(fields: "id")')
@CacheFor()
@ObjectType('Department')
export class DepartmentReference {
  @Field(() => ID)
  id: string;
}

/** The organization's Division, named by its statistics code; this subgraph adds its petition figures. */
@Directive('@key(fields: "code")')
@CacheFor()
@ObjectType('Division')
export class DivisionReference {
  @Field(() => ID)
  code: string;
}

export const ref = (id: string) => ({ id });
