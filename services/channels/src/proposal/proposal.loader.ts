import type { EntityManager } from '@mikro-orm/postgresql';
import {
  byKeyLoader,
  newestFirst,
  perFilter,
  scopeSql,
  type Caller,
  conditionsSql,
} from '@cppcc/toolkit';
import { updatedAfterSql } from '../shared/inbox-args';
import { pagesByListedId } from '../shared/lists';
import { PROPOSAL_POLICY, Proposal, type ProposalStatus } from './proposal.entity';
import { overdueCondition, overdueParams } from './proposal.overdue';

export interface ProposalListFilter {
  status: ProposalStatus[];
  /** true: overdue only; false: not overdue; null: either. */
  overdue: boolean | null;
  /** Only those changed at or after this instant. */
  updatedAfter?: Date | null;
}

/** The keyset orders of the proposal lists: a cursor of one is refused by the others. */
export const PROPOSAL_ORDERS = {
  proposals: newestFirst('proposals'),
  assignedTo: newestFirst('assignedProposals'),
  ofMember: newestFirst('memberProposals'),
};

/** The SQL of a list filter over alias `r`. */
export function proposalFilterSql(filter: ProposalListFilter): { sql: string; params: unknown[] } {
  const conditions = conditionsSql([
    ['r.status in (?)', filter.status],
    [`${filter.overdue ? '' : 'not '}${overdueCondition('r')}`, filter.overdue, overdueParams],
  ]);
  const updated = updatedAfterSql(filter.updatedAfter);
  return {
    sql: conditions.sql + updated.sql,
    params: [...conditions.params, ...updated.params],
  };
}

export function createProposalLoaders(em: EntityManager, caller: Caller) {
  const scope = scopeSql(caller, PROPOSAL_POLICY, 'r');
  return {
    byId: byKeyLoader(em, Proposal),
    /** A department's proposals (lead or co-handling), newest first. */
    assignedTo: perFilter((filter: ProposalListFilter) =>
      pagesByListedId(em, Proposal, {
        table: 'proposal',
        // @>, not = any(): the GIN index on the array serves it.
        match: 'r.department_ids @> array[k.key]',
        scope,
        where: proposalFilterSql(filter),
        orderBy: 'created_at desc, id desc',
      }),
    ),
    /** A department's overdue proposals (lead or co-handling), the longest overdue first. */
    overdueOf: pagesByListedId(em, Proposal, {
      table: 'proposal',
      match: 'r.department_ids @> array[k.key]',
      scope,
      where: proposalFilterSql({ status: [], overdue: true }),
      orderBy: 'due_on, id',
    }),
    /** A member's proposals, as lead proposer or co-signer, newest first. */
    ofMember: perFilter((filter: ProposalListFilter) =>
      pagesByListedId(em, Proposal, {
        table: 'proposal',
        match: '(k.key = r.lead_member_id or r.co_signer_ids @> array[k.key])',
        scope,
        where: proposalFilterSql(filter),
        orderBy: 'created_at desc, id desc',
      }),
    ),
  };
}
