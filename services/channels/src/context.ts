import type { EntityManager } from '@mikro-orm/postgresql';
import {
  applyJurisdiction,
  byKeyLoader,
  byParentLoader,
  type Caller,
  type RequestContext,
} from '@cppcc/toolkit';
import { createDemandLoaders } from './demand/demand.loader';
import { createChannelStatsLoaders } from './division/division.channel-stats';
import { ChannelEvent } from './history/channel-event.entity';
import { createLineageLoaders } from './lineage/lineage.loader';
import { SpecialReport, Speech } from './plenary/plenary.entity';
import { createProposalLoaders } from './proposal/proposal.loader';
import { createSentimentReportLoaders } from './sentiment-report/sentiment-report.loader';

export function createLoaders(em: EntityManager, caller: Caller) {
  return {
    demand: createDemandLoaders(em, caller),
    proposal: createProposalLoaders(em, caller),
    sentimentReport: createSentimentReportLoaders(em, caller),
    speech: byKeyLoader(em, Speech),
    specialReport: byKeyLoader(em, SpecialReport),
    lineage: createLineageLoaders(em),
    channelStats: createChannelStatsLoaders(em, caller),
    /** The steps of any channel record; its ids are unique across channels. */
    history: byParentLoader(em, ChannelEvent, 'recordId', { orderBy: { id: 'asc' } }),
  };
}

export type Context = RequestContext<ReturnType<typeof createLoaders>>;

/** The request's state: its own EntityManager, scoped to the caller's jurisdiction, and loaders. */
export function createContext(em: EntityManager, caller: Caller): Context {
  applyJurisdiction(em, caller);
  return { caller, em, loaders: createLoaders(em, caller) };
}
