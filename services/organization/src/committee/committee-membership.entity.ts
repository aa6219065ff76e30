import { DateScalar, FieldsOn } from '@cppcc/toolkit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';

/** A member's seat on a CPPCC committee for a term (届). */
@FieldsOn('department', ['id', 'termStart', 'termEnd', 'committee', 'member'])
@ObjectType({ description: "A member's seat on a committee for a term." })
@Entity({ tableName: 'committee_membership' })
export class CommitteeMembership {
  @Field(() => ID, { description: 'The UUID of the seat.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  committeeId: string;

  @Property({ type: 'uuid' })
  memberId: string;

  @Field(() => DateScalar, { description: 'First day of the term (`YYYY-MM-DD`).' })
  @Property({ type: 'date' })
  termStart: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the term; null while it runs.',
  })
  @Property({ type: 'date', nullable: true })
  termEnd: string | null = null;
}
