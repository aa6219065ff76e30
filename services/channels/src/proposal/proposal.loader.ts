import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, perFilter, scopeSql, type Caller } from '@cppcc/toolkit';
import { pagesByListedId } from '../shared/lists';
import { PROPOSAL_POLICY, Proposal, type ProposalStatus } from './proposal.entity';
import { overdueSql } from './proposal.workflow';

export interface ProposalListFilter {
  status: ProposalStatus[];
  /** true: overdue only; false: not overdue; null: either. */
  overdue: boolean | null;
}

/** The SQL of a list filter over alias `r`. */
export function proposalFilterSql(filter: ProposalListFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.status.length) {
    parts.push('r.status in (?)');
    params.push(filter.status);
  }
  if (filter.overdue !== null) {
    const overdue = overdueSql('r');
    parts.push(`${filter.overdue ? '' : 'not '}${overdue.sql}`);
    params.push(...overdue.params);
  }
  return { sql: parts.map((part) => ` and ${part}`).join(''), params };
}

export function createProposalLoaders(em: EntityManager, caller: Caller) {
  const scope = scopeSql(caller, PROPOSAL_POLICY, 'r');
  return {
    byId: byKeyLoader(em, Proposal),
    /** A department's proposals (lead or co-handling), the soonest due first. */
    assignedTo: perFilter((filter: ProposalListFilter) =>
      pagesByListedId(em, Proposal, {
        table: 'proposal',
        // @>, not = any(): the GIN index on the array serves it.
        match: 'r.department_ids @> array[k.key]',
        scope,
        where: proposalFilterSql(filter),
        orderBy: 'due_on nulls last, id',
      }),
    ),
    /** A member's proposals, as lead proposer or co-signer, latest first. */
    ofMember: perFilter((filter: ProposalListFilter) =>
      pagesByListedId(em, Proposal, {
        table: 'proposal',
        match: '(k.key = r.lead_member_id or r.co_signer_ids @> array[k.key])',
        scope,
        where: proposalFilterSql(filter),
        orderBy: 'year desc, created_at desc, id',
      }),
    ),
  };
}
