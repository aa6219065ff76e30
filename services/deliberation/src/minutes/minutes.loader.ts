import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, byParentLoader } from '@cppcc/toolkit';
import { FollowUpAction, Minutes } from './minutes.entity';

export function createMinutesLoaders(em: EntityManager) {
  return {
    /** The minutes of many sessions (one each, or none). */
    ofSession: byKeyLoader<Minutes>(em, Minutes, 'sessionId'),
    /** The follow-up actions of many minutes, in order. */
    actions: byParentLoader(em, FollowUpAction, 'minutesId', { orderBy: { position: 'asc' } }),
  };
}
