import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { OnSurfaces, deprecatedArg, inputOrDeprecatedArgs, withInputPaths } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Session } from '../session/session.entity';
import { DemandReference } from '../shared/references';
import { AgendaItem } from './agenda.entity';
import { AgendaItemInput, SetAgendaInput } from './agenda.inputs';
import { setAgenda } from './agenda.service';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  // Items nullable: a demand the caller may not see resolves to null.
  @FieldResolver(() => [DemandReference], {
    nullable: 'items',
    description: 'The demands (诉求) it was raised from.',
  })
  demands(@Root() item: AgendaItem): DemandReference[] {
    return item.demandIds.map((id) => ({ id }));
  }

  @OnSurfaces('city', 'county', 'home')
  @Mutation(() => Session, {
    description: "Sets a planned or held session's agenda, replacing the one it had.",
  })
  setAgenda(
    @Arg('input', () => SetAgendaInput, {
      nullable: true,
      description:
        'The session and its agenda. Required, unless the deprecated arguments are given.',
    })
    input: SetAgendaInput | null,
    @Arg('sessionId', () => ID, deprecatedArg('setAgenda', 'sessionId')) sessionId: string | null,
    @Arg('items', () => [AgendaItemInput], deprecatedArg('setAgenda', 'items'))
    items: AgendaItemInput[] | null,
    @Arg('expectedVersion', () => Int, deprecatedArg('setAgenda', 'expectedVersion'))
    expectedVersion: number | null,
    @Ctx() { em, caller }: Context,
  ) {
    const given = inputOrDeprecatedArgs(input, { sessionId, items, expectedVersion }, [
      'sessionId',
      'items',
    ]);
    return withInputPaths(input != null, () =>
      setAgenda(em, caller, given.sessionId!, given.items!, given.expectedVersion ?? null),
    );
  }
}

export const agendaItemReference = {
  AgendaItem: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.agenda.byId.load(reference.id),
  },
};
