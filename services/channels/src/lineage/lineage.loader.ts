import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findReadOnly } from '@cppcc/toolkit';
import { Proposal } from '../proposal/proposal.entity';
import { SentimentReport } from '../sentiment-report/sentiment-report.entity';
import { SpecialReport, Speech } from '../plenary/plenary.entity';
import type { Escalation } from './escalation';

const CHANNELS: Array<EntityClass<Escalation>> = [Proposal, SentimentReport, Speech, SpecialReport];

/**
 * What many demands (or sessions) went up as, in one statement per channel whatever their number:
 * the records whose source ids overlap the batch, through the ORM's filters so jurisdiction applies
 * (a county sees its own CPPCC's proposals, a department what was assigned or forwarded to it),
 * read-only.
 */
function escalationLoader(
  em: EntityManager,
  property: 'sourceDemandIds' | 'sourceSessionIds',
): DataLoader<string, Escalation[]> {
  return new DataLoader(async (ids) => {
    const found: Escalation[] = [];
    for (const entity of CHANNELS) {
      // A draft has not gone up yet: it is nobody's escalation or outcome until it is submitted.
      const submitted =
        entity === Proposal || entity === SentimentReport ? { status: { $ne: 'DRAFT' } } : {};
      const rows = await findReadOnly(
        em,
        entity,
        { [property]: { $overlap: [...ids] }, ...submitted } as never,
        { orderBy: { createdAt: 'asc', id: 'asc' } as never },
      );
      found.push(...rows);
    }
    return ids.map((id) => found.filter((record) => record[property].includes(id)));
  });
}

export function createLineageLoaders(em: EntityManager) {
  return {
    escalationsOfDemand: escalationLoader(em, 'sourceDemandIds'),
    outcomesOfSession: escalationLoader(em, 'sourceSessionIds'),
  };
}
