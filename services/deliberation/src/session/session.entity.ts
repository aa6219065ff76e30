import { Entity, Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { jurisdictionFilter, type RecordPolicy } from '@cppcc/toolkit';

/** The forms a consultation activity (协商议事活动) takes. */
export enum SessionKind {
  /** 座谈会 */
  FORUM = 'FORUM',
  /** 协商议事会 */
  COUNCIL = 'COUNCIL',
  /** 面对面协商 */
  FACE_TO_FACE = 'FACE_TO_FACE',
  /** 多方协商平台 on a petition matter (信访事项) */
  MULTI_PARTY = 'MULTI_PARTY',
  /** 宣传政策: a policy briefing */
  BRIEFING = 'BRIEFING',
}
registerEnumType(SessionKind, { name: 'SessionKind' });

export enum SessionStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SessionStatus, { name: 'SessionStatus' });

/** Which sessions a caller may see (RecordPolicy). */
export const SESSION_POLICY: RecordPolicy = {
  public: false,
  homeProperty: 'homeId',
  homeColumn: 'home_id',
};

/** A consultation activity of a home. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A consultation activity (协商议事活动) held by a home.' })
@Filter(jurisdictionFilter(SESSION_POLICY))
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'version' | 'createdAt' | 'heldAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  homeId: string;

  /** The home's division when the session was recorded: the jurisdiction it lies under. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field()
  @Property({ type: 'text' })
  title: string;

  @Field(() => SessionKind)
  @Property({ type: 'text' })
  kind: SessionKind;

  @Field(() => SessionStatus)
  @Property({ type: 'text' })
  status: SessionStatus;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  scheduledAt: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  heldAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
