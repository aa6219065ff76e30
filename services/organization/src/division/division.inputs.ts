import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@cppcc/toolkit';
import { DivisionLevel } from './division.kind';

@ArgsType()
export class DivisionsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only the divisions directly under this one.',
  })
  parentCode?: string | null;

  @Field(() => DivisionLevel, { nullable: true, description: 'Only divisions of this level.' })
  level?: DivisionLevel | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only divisions whose code starts with this prefix.',
  })
  codePrefix?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only divisions whose name contains this text.',
  })
  nameContains?: string | null;
}
