import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader } from '../shared/by-id.loader';
import { Member } from './member.entity';

export function createMemberLoaders(em: EntityManager) {
  return { byId: byKeyLoader(em, Member) };
}
