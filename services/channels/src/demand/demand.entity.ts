import { Entity, Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { jurisdictionFilter, type RecordPolicy } from '@cppcc/toolkit';

export enum DemandCategory {
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  LAND_AND_HOUSING = 'LAND_AND_HOUSING',
  SOCIAL_SECURITY = 'SOCIAL_SECURITY',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  ENVIRONMENT = 'ENVIRONMENT',
  AGRICULTURE = 'AGRICULTURE',
  PUBLIC_SAFETY = 'PUBLIC_SAFETY',
  EMPLOYMENT = 'EMPLOYMENT',
  OTHER = 'OTHER',
}
registerEnumType(DemandCategory, { name: 'DemandCategory' });

/** DOMAIN.md: RECEIVED → ON_AGENDA → RESOLVED_AT_HOME | ESCALATED → ANSWERED → CLOSED. */
export enum DemandStatus {
  RECEIVED = 'RECEIVED',
  ON_AGENDA = 'ON_AGENDA',
  RESOLVED_AT_HOME = 'RESOLVED_AT_HOME',
  ESCALATED = 'ESCALATED',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}
registerEnumType(DemandStatus, { name: 'DemandStatus' });

/** Which demands a caller may see (RecordPolicy). */
export const DEMAND_POLICY: RecordPolicy = {
  public: false,
  homeProperty: 'homeId',
  homeColumn: 'home_id',
};

/** What residents ask for (诉求), raised at or through a home. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A demand (诉求) residents raised at or through a home.' })
@Filter(jurisdictionFilter(DEMAND_POLICY))
@Entity({ tableName: 'demand' })
export class Demand {
  [OptionalProps]?: 'version' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  homeId: string;

  /** The village or community the demand concerns: the jurisdiction it lies under. */
  @Property({ type: 'string', length: 12 })
  divisionCode: string;

  @Field(() => DemandCategory)
  @Property({ type: 'text' })
  category: DemandCategory;

  @Field()
  @Property({ type: 'text' })
  content: string;

  @Field({ description: 'A formal petition matter (信访事项).' })
  @Property({ type: 'boolean' })
  isPetition: boolean = false;

  @Field(() => DemandStatus)
  @Property({ type: 'text' })
  status: DemandStatus;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  receivedAt: Date;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
