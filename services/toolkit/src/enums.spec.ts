import { printSchema } from 'graphql';
import { Arg, Query, Resolver, buildSchema } from 'type-graphql';
import { describedEnum, type EnumValue } from './enums';

const Tide = describedEnum('Tide', 'Where the sea stands.', {
  HIGH: 'High water (涨潮).',
  LOW: 'Low water (落潮).',
});
type Tide = EnumValue<typeof Tide>;

@Resolver()
class TideResolver {
  @Query(() => Tide, { description: 'The tide after the one given.' })
  next(@Arg('after', () => Tide, { description: 'A tide.' }) after: Tide): Tide {
    return after === Tide.HIGH ? Tide.LOW : Tide.HIGH;
  }
}

describe('an enum declared once with its descriptions', () => {
  it('reads as a string enum whose values are its keys, and cannot be changed', () => {
    expect(Tide.HIGH).toBe('HIGH');
    expect(Object.values(Tide)).toEqual(['HIGH', 'LOW']);
    expect(Object.isFrozen(Tide)).toBe(true);
  });

  it('is in the schema with its description and each value described, in order', async () => {
    const schema = await buildSchema({ resolvers: [TideResolver], validate: false });
    const printed = printSchema(schema);
    expect(printed).toContain(
      '"""Where the sea stands."""\nenum Tide {\n  """High water (涨潮)."""\n  HIGH\n\n  """Low water (落潮)."""\n  LOW\n}',
    );
  });
});
