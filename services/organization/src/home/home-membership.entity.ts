import { DateScalar, FieldsOn, describedEnum, type EnumValue } from '@cppcc/toolkit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';

export const HomeRole = describedEnum('HomeRole', 'What a member does in a home.', {
  LEADER: '负责人: the member in charge; exactly one per home.',
  MEMBER: 'A member serving in the home.',
});
export type HomeRole = EnumValue<typeof HomeRole>;

/** A member serving in a home, from `since` until `until` (open while serving). */
@FieldsOn('department', ['id', 'role', 'since', 'until', 'member', 'home'])
@ObjectType({ description: 'A member serving in a home, with their role and dates.' })
@Entity({ tableName: 'home_membership' })
export class HomeMembership {
  @Field(() => ID, { description: 'The UUID of this period of service.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  homeId: string;

  @Property({ type: 'uuid' })
  memberId: string;

  @Field(() => HomeRole, { description: 'LEADER (负责人) or MEMBER.' })
  @Property({ type: 'text' })
  role: HomeRole;

  @Field(() => DateScalar, { description: 'First day of service (`YYYY-MM-DD`).' })
  @Property({ type: 'date' })
  since: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of service; null while serving.',
  })
  @Property({ type: 'date', nullable: true })
  until: string | null = null;
}
