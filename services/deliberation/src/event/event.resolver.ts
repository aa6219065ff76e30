import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { DELIBERATION_EVENT_TYPES, OnSurfaces, domainEventSchema } from '@cppcc/toolkit';
import type { Context } from '../context';

export const DELIBERATION_EVENTS = domainEventSchema(
  'DeliberationEvent',
  'Something that happened to a session or its minutes that a party outside must hear of (an ' +
    'entry of deliberation’s transactional outbox): a department invited, an action it owns, ' +
    'minutes published. It carries ids and states only.',
  DELIBERATION_EVENT_TYPES,
);

@Resolver()
export class DeliberationEventResolver {
  @OnSurfaces('city', 'county', 'department')
  @Query(() => DELIBERATION_EVENTS.EventConnection, {
    description:
      'Events of sessions and minutes you may receive (a department: those addressed to it; an ' +
      'office: its division’s), oldest first, in commit order; a page never skips an event ' +
      'committed later. Proposal, report and demand events: `events`.',
  })
  deliberationEvents(
    @Args(() => DELIBERATION_EVENTS.EventArgs)
    args: InstanceType<typeof DELIBERATION_EVENTS.EventArgs>,
    @Ctx() { em, caller }: Context,
  ) {
    return DELIBERATION_EVENTS.list(em, caller, args);
  }
}
