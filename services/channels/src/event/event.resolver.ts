import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { OnSurfaces, domainEventSchema } from '@cppcc/toolkit';
import type { Context } from '../context';
import { CHANNEL_EVENT_TYPES } from './channel-events';

export const CHANNEL_EVENTS = domainEventSchema(
  'DomainEvent',
  'Something that happened to a proposal, sentiment report or demand that a party outside must ' +
    'hear of (an entry of the channels’ transactional outbox). It carries ids and states only: ' +
    'read the record through the graph for the rest.',
  CHANNEL_EVENT_TYPES,
);

@Resolver()
export class EventResolver {
  @OnSurfaces('city', 'county', 'department')
  @Query(() => CHANNEL_EVENTS.EventConnection, {
    description:
      'Events of proposals, sentiment reports and demands you may receive (a department: those ' +
      'addressed to it; an office: its division’s), oldest first, in commit order. A page never ' +
      'skips an event committed later: a system that was down resumes from its last `endCursor`. ' +
      'Session and minutes events: `deliberationEvents`.',
  })
  events(
    @Args(() => CHANNEL_EVENTS.EventArgs) args: InstanceType<typeof CHANNEL_EVENTS.EventArgs>,
    @Ctx() { em, caller }: Context,
  ) {
    return CHANNEL_EVENTS.list(em, caller, args);
  }
}
