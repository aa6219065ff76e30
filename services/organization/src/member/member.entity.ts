import { Entity, Filter, Property } from '@mikro-orm/postgresql';
import { Directive, Field, ObjectType } from 'type-graphql';
import { EditableRecord, EDITABLE_RECORD_FIELDS } from '../shared/base.entity';
import {
  jurisdictionFilter,
  scopeSql,
  type Caller,
  type RecordPolicy,
  FieldsOn,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';
import type { EntityManager } from '@mikro-orm/postgresql';

export const Gender = describedEnum('Gender', 'A member’s gender, as on the committee’s roll.', {
  FEMALE: 'Female (女).',
  MALE: 'Male (男).',
});
export type Gender = EnumValue<typeof Gender>;

/** Members live under a division; the public never sees them. */
export const MEMBER_POLICY: RecordPolicy = { public: false };
const byDivision = jurisdictionFilter(MEMBER_POLICY);

/** The members serving in a home now: what a home's caller sees of members. */
const SERVING_IN_HOME = 'select member_id from home_membership where home_id = ? and until is null';

/**
 * Members in the caller's scope: those living in its jurisdiction; for a home's caller, the
 * members serving in that home, wherever they live.
 */
const MEMBER_FILTER: Parameters<typeof Filter>[0] = {
  ...byDivision,
  cond: async (args: { caller: Caller }, type: 'read' | 'update' | 'delete', em: EntityManager) => {
    if (args.caller.level === 'HOME' && args.caller.homeId) {
      const rows = await em
        .getConnection()
        .execute<Array<{ member_id: string }>>(SERVING_IN_HOME, [args.caller.homeId]);
      return { id: { $in: rows.map((row) => row.member_id) } };
    }
    return (byDivision.cond as (a: unknown, t: unknown, e: unknown) => object)(args, type, em);
  },
};

/** The member scope as SQL over an alias of the member table, for batched loaders. */
export function memberScopeSql(caller: Caller, alias: string): { sql: string; params: unknown[] } {
  if (caller.level === 'HOME' && caller.homeId) {
    return { sql: ` and ${alias}.id in (${SERVING_IN_HOME})`, params: [caller.homeId] };
  }
  return scopeSql(caller, MEMBER_POLICY, alias);
}

/** A CPPCC member (委员) of the city committee or of a county-level committee. */
@Directive('@key(fields: "id")')
@FieldsOn('department', [
  ...EDITABLE_RECORD_FIELDS,
  'name',
  'gender',
  'sector',
  'party',
  'expertise',
  'division',
  'committees',
  'homes',
])
@ObjectType({ description: 'A CPPCC member (委员).' })
@Filter(MEMBER_FILTER)
@Entity({ tableName: 'member' })
export class Member extends EditableRecord {
  @Field({ description: 'The full name, e.g. 王建国.' })
  @Property({ type: 'text' })
  name: string;

  @Field(() => Gender, { description: 'FEMALE or MALE.' })
  @Property({ type: 'text' })
  gender: Gender;

  @Field(() => String, {
    nullable: true,
    description: 'The sector (界别) the member sits for, e.g. 农业界.',
  })
  @Property({ type: 'text', nullable: true })
  sector: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Party affiliation (政治面貌), e.g. 中共党员, 民盟盟员, 无党派.',
  })
  @Property({ type: 'text', nullable: true })
  party: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the member knows well, e.g. 农业技术, 法律.',
  })
  @Property({ type: 'text', nullable: true })
  expertise: string | null;

  /** The division the member lives in; their jurisdiction. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  /** Personal data: masked unless the caller's role needs it. */
  @Property({ type: 'text', nullable: true })
  phone: string | null;
}
