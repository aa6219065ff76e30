import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader } from '@cppcc/toolkit';
import { Member } from './member.entity';

export function createMemberLoaders(em: EntityManager) {
  return { byId: byKeyLoader(em, Member) };
}
