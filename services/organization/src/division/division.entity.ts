import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CacheFor, FieldsOn } from '@cppcc/toolkit';
import { DivisionKind, DivisionLevel } from './division.kind';

registerEnumType(DivisionLevel, {
  name: 'DivisionLevel',
  description: 'A level of the administrative hierarchy, read from the length of the code.',
  valuesConfig: {
    CITY: { description: 'The city (地级市), a 4-digit code such as `3207`.' },
    COUNTY: {
      description: 'A county-level unit (区, 县, 开发区), a 6-digit code such as `320706`.',
    },
    TOWNSHIP: {
      description: 'A township-level unit (镇, 乡, 街道, farm, zone), a 9-digit code.',
    },
    VILLAGE: { description: 'A village or community (村委会, 居委会 …), a 12-digit code.' },
  },
});
registerEnumType(DivisionKind, {
  name: 'DivisionKind',
  description: 'What kind of unit a division is, as its published name says.',
  valuesConfig: {
    PREFECTURE_CITY: { description: '地级市: a prefecture-level city (the city level).' },
    DISTRICT: { description: '市辖区: an urban district (county level).' },
    COUNTY: { description: '县: a county (county level).' },
    COUNTY_CITY: { description: '县级市: a county-level city (county level).' },
    DEVELOPMENT_ZONE: {
      description: '开发区 at county level, e.g. 连云港经济技术开发区.',
    },
    TOWN: { description: '镇: a town (township level).' },
    TOWNSHIP: { description: '乡: a rural township (township level).' },
    SUBDISTRICT: { description: '街道: an urban street office (township level).' },
    STATE_FARM: {
      description: '农场, 林场, 盐场: a state farm counted as a township-level unit.',
    },
    ZONE: { description: '开发区, 园区, 产业区 at township level.' },
    OTHER_TOWNSHIP_UNIT: {
      description: 'Any other township-level unit, e.g. 连云港碱厂 or 农业技术服务中心.',
    },
    VILLAGE_COMMITTEE: { description: '村民委员会 (村委会): a village (village level).' },
    RESIDENTS_COMMITTEE: {
      description: '居民委员会 (居委会): an urban community (village level).',
    },
    COMMUNITY: {
      description: '社区 of a farm, zone or management area that is not a 居委会 (village level).',
    },
    VIRTUAL_COMMUNITY: {
      description: '虚拟社区: a statistical placeholder of a farm or zone (village level).',
    },
  },
});

/**
 * An administrative division of the real hierarchy (national statistics codes, 2023): the city,
 * its county-level units, township-level units and villages/communities. A code's prefix is its
 * ancestry, so a jurisdiction is a code prefix.
 */
@Directive('@key(fields: "code")')
// Reference data that changes by decree, and the figures hang on it: it may be kept as they are.
@CacheFor()
@FieldsOn(
  ['department', 'public'],
  ['code', 'name', 'level', 'kind', 'parentCode', 'parent', 'ancestors', 'children', 'homes'],
)
@ObjectType({ description: 'An administrative division: city, county, township or village.' })
@Entity({ tableName: 'division' })
export class Division {
  @Field(() => ID, { description: 'The statistics code, e.g. `320706` for 海州区.' })
  @PrimaryKey({ type: 'string', length: 12 })
  code: string;

  @Field({ description: 'The name as published, e.g. 海州区.' })
  @Property({ type: 'text' })
  name: string;

  @Field(() => DivisionLevel, {
    description: 'CITY, COUNTY, TOWNSHIP or VILLAGE: the length of the code.',
  })
  @Property({ type: 'text' })
  level: DivisionLevel;

  @Field(() => DivisionKind, { description: 'What kind of unit it is, e.g. 街道 or 村委会.' })
  @Property({ type: 'text' })
  kind: DivisionKind;

  @Field(() => String, {
    nullable: true,
    description: 'The code of the division above; null for the city.',
  })
  @Property({ type: 'string', length: 12, nullable: true })
  parentCode: string | null;
}
