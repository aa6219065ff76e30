import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CacheFor } from '@cppcc/toolkit';
import { DivisionKind, DivisionLevel } from './division.kind';

registerEnumType(DivisionLevel, {
  name: 'DivisionLevel',
  description: 'A level of the administrative hierarchy.',
});
registerEnumType(DivisionKind, {
  name: 'DivisionKind',
  description: 'What kind of unit a division is.',
});

/**
 * An administrative division of the real hierarchy (national statistics codes, 2023): the city,
 * its county-level units, township-level units and villages/communities. A code's prefix is its
 * ancestry, so a jurisdiction is a code prefix.
 */
@Directive('@key(fields: "code")')
// Reference data that changes by decree, and the figures hang on it: it may be kept as they are.
@CacheFor()
@ObjectType({ description: 'An administrative division: city, county, township or village.' })
@Entity({ tableName: 'division' })
export class Division {
  @Field(() => ID, { description: 'The statistics code, e.g. `320706` for 海州区.' })
  @PrimaryKey({ type: 'string', length: 12 })
  code: string;

  @Field({ description: 'The name as published, e.g. 海州区.' })
  @Property({ type: 'text' })
  name: string;

  @Field(() => DivisionLevel)
  @Property({ type: 'text' })
  level: DivisionLevel;

  @Field(() => DivisionKind)
  @Property({ type: 'text' })
  kind: DivisionKind;

  @Field(() => String, {
    nullable: true,
    description: 'The code of the division above; null for the city.',
  })
  @Property({ type: 'string', length: 12, nullable: true })
  parentCode: string | null;
}
