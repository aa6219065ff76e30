import type { EntityManager } from '@mikro-orm/postgresql';
import {
  groupedPageLoader,
  rowReader,
  type Caller,
  byKeyLoader,
  byParentLoader,
  uuidsOnly,
} from '@cppcc/toolkit';
import { Member, memberScopeSql } from '../member/member.entity';
import { Committee, CommitteeKind } from './committee.entity';
import { CommitteeMembership } from './committee-membership.entity';

export function createCommitteeLoaders(em: EntityManager, caller: Caller) {
  const scope = memberScopeSql(caller, 'm');
  return {
    byId: byKeyLoader(em, Committee),
    /** The CPPCC committee of a city or county-level unit, by its division code. */
    cppccOfDivision: byParentLoader(em, Committee, 'divisionCode', {
      where: { kind: CommitteeKind.CPPCC },
    }),
    /** A member's seats on committees, the current term first. */
    seatsOfMember: byParentLoader(em, CommitteeMembership, 'memberId', {
      orderBy: { termStart: 'desc', id: 'asc' },
    }),
    /** Pages of the members of many committees (current terms), in name order. */
    members: groupedPageLoader<Record<string, unknown>, Member>(em, {
      query: (committeeIds) => ({
        sql: `select m.*, s.committee_id::text as group_key
              from committee_membership s join member m on m.id = s.member_id
              where s.committee_id = any(array[?]::uuid[]) and s.term_end is null ${scope.sql}`,
        params: [uuidsOnly(committeeIds), ...scope.params],
      }),
      orderBy: 'name, id',
      toNode: rowReader(em, Member),
    }),
  };
}

export type CommitteeLoaders = ReturnType<typeof createCommitteeLoaders>;
