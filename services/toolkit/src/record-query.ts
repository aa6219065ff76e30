import type { Surface } from '@cppcc/contract';
import { Arg, Ctx, ID, Query, Resolver, type ClassType } from 'type-graphql';
import { OnSurfaces } from './surfaces';
import { capitalized } from './workflow';

/** How a subgraph offers one record by id: `proposal(id: ID!): Proposal`. */
export interface RecordQueryOptions<T, Context> {
  /** The query's name: `proposal`. */
  name: string;
  /** The record, with its article, for the descriptions: `a proposal`. */
  what: string;
  /** The surfaces it is offered on. */
  surfaces: readonly Surface[];
  /** The record if the caller may see it, else null: the slice's `byId` loader. */
  load: (context: Context, id: string) => Promise<T | null | undefined>;
  /** Why it can be null; by default absent or outside the caller's jurisdiction. */
  whenNull?: string;
}

/**
 * The base of a slice's resolver that offers its records one at a time by UUID:
 * `@Resolver(() => Proposal) class ProposalResolver extends RecordQuery(Proposal, {…})`.
 * A malformed id never reaches it: the input check refuses it first (BAD_USER_INPUT on `id`,
 * packages/contract/src/input-check.ts). What the caller may see is the loader's rule, so the
 * query and every list agree.
 */
export function RecordQuery<T extends object, Context>(
  type: ClassType<T>,
  options: RecordQueryOptions<T, Context>,
) {
  const what = capitalized(options.what);
  const whenNull = options.whenNull ?? 'absent or outside your jurisdiction';

  @Resolver()
  abstract class RecordQueryBase {
    @OnSurfaces(...options.surfaces)
    @Query(() => type, {
      name: options.name,
      nullable: true,
      description: `${what} by id; null when ${whenNull}.`,
    })
    recordById(
      @Arg('id', () => ID, { description: `The UUID of ${options.what.replace(/^an? /, 'the ')}.` })
      id: string,
      @Ctx() context: Context,
    ) {
      return options.load(context, id);
    }
  }
  return RecordQueryBase;
}
