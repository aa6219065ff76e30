export * from './config';
export * from './context';
export * from './database';
export * from './embedded-postgres';
export * from './errors';
export * from './logger';
export * from './pagination';
export * from './keyset';
export * from './scalars';
export * from './server';
export * from './subgraph-schema';
export * from './validation';
export * from './input-check';
export * from './period';
export * from './grouped-pages';
export * from './jurisdiction';
export * from './loaders';
export * from './identity';
export * from './surfaces';
export * from './request-log';
export * from './access-log';
export * from './metrics';
export * from './change-feed';
export * from './change-feed-route';
export * from './organization-feed';
export * from './home-projection';
export * from './department-projection';
export * from './writes';
export { isDatabaseUnavailable } from './database-outage';
// The workflow engine, listed by name so that it can move to a package of its own.
export {
  ACTORS,
  actorAllows,
  applyStep,
  canStep,
  nextState,
  recordStep,
  requireActor,
  surfacesOf,
  takeStep,
  type Actor,
  type Guard,
  type HistoryWriter,
  type StepChange,
  type StepChoice,
  type StepRule,
  type TakenStep,
  type TransitionTable,
  type Workflow,
  type WorkflowRecord,
} from './workflow';
export * from './bulk-load';
export * from './report';
export * from './cache-hints';
export * from './mutation-form';
export * from './domain-events';
export * from './domain-event-schema';
export * from './deliberation-event-types';
export * from './read-only';
