import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { OnSurfaces } from '@cppcc/toolkit';
import type { Context } from '../context';
import { Session } from '../session/session.entity';
import { DemandReference } from '../shared/references';
import { AgendaItem } from './agenda.entity';
import { AgendaItemInput } from './agenda.inputs';
import { setAgenda } from './agenda.service';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  // Items nullable: a demand the caller may not see resolves to null (issue 11).
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
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('items', () => [AgendaItemInput]) items: AgendaItemInput[],
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() { em, caller }: Context,
  ) {
    return setAgenda(em, caller, sessionId, items, expectedVersion);
  }
}

export const agendaItemReference = {
  AgendaItem: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.agenda.byId.load(reference.id),
  },
};
