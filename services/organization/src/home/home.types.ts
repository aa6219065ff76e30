import { Connection, FieldsOn } from '@cppcc/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { Division } from '../division/division.entity';
import { Home } from './home.entity';

export const HomeConnection = Connection(Home);

/** Rule 1 of docs/domain.md: every home has at least 3 members and exactly one leader among them. */
@FieldsOn(['department', 'public'], ['memberCount', 'hasLeader', 'compliant'])
@ObjectType({
  description:
    'Whether a home meets the staffing rule: at least 3 members serving, exactly one of them the leader (负责人).',
})
export class HomeCompliance {
  @Field(() => Int, { description: 'Members serving now, the leader included.' })
  memberCount: number;

  @Field({ description: 'True when exactly one serving member leads the home.' })
  hasLeader: boolean;

  @Field({ description: 'True when at least 3 members serve and one of them leads.' })
  compliant: boolean;
}

/** Rule 4 of docs/domain.md: each county-level unit picks 3–4 pilot homes in the first year. */
@FieldsOn('public', ['county', 'cohortYear', 'pilotHomes', 'targetMin', 'targetMax', 'onTarget'])
@ObjectType({
  description: 'Pilot homes of a county-level unit in a cohort year, against the target of 3–4.',
})
export class PilotRollout {
  @Field(() => Division, { description: 'The county-level unit (区, 县, 开发区).' })
  county: Division;

  @Field(() => Int, { description: 'The year the pilots were picked, e.g. 2020.' })
  cohortYear: number;

  @Field(() => Int, { description: 'How many of its homes were picked as pilots that year.' })
  pilotHomes: number;

  @Field(() => Int, { description: 'The fewest pilots the target asks for: 3.' })
  targetMin: number;

  @Field(() => Int, { description: 'The most pilots the target asks for: 4.' })
  targetMax: number;

  @Field({ description: 'True when the pilot count lies within the target (shown, not enforced).' })
  onTarget: boolean;
}

export const MIN_HOME_MEMBERS = 3;
export const PILOT_TARGET = { min: 3, max: 4 } as const;
