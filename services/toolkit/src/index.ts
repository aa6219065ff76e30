// The subgraph kit: what a type-graphql subgraph on MikroORM and PostgreSQL builds on. Listed by
// name, module by module. What the gateway shares with the subgraphs is @cppcc/contract's; it is
// passed on here by name so that a subgraph imports its platform from one place. The organization's
// feed (@cppcc/organization-feed), reporting (@cppcc/reporting) and the development tools
// (@cppcc/devkit) are packages of their own.
export {
  CACHE_CONTROL_DIRECTIVE,
  CacheAsParent,
  CacheFor,
  FIGURES_MAX_AGE_SECONDS,
} from './cache-hints';
export type { RequestContext } from './context';
export {
  dropDatabase,
  ensureDatabase,
  executeIn,
  isDatabaseReachable,
  migrate,
  openDatabase,
  poolOf,
  withDatabase,
  type Orm,
  type ServiceDatabase,
} from './database';
export {
  isDatabaseUnavailable,
  serviceUnavailable,
  watchDatabaseOutages,
  type DatabaseOutage,
} from './database-outage';
export { domainEventSchema } from './domain-event-schema';
export { changeFeedRoute, type Change, type OutboxFeed } from './change-feed-route';
export { DELIBERATION_EVENT_TYPES, type DeliberationEventType } from './deliberation-event-types';
export {
  DOMAIN_EVENT_DDL,
  DOMAIN_EVENT_FEED,
  DOMAIN_EVENT_FEED_DDL,
  serveDomainEvents,
  DomainEvent,
  FINAL_EVENTS,
  outbox,
  readEvents,
  type DomainEventChange,
  type EventPage,
  type EventPageArgs,
  type EventRow,
  type EventfulRecord,
  type RaisedEvent,
} from './domain-events';
export {
  groupedPageLoader,
  type GroupedPageRequest,
  type GroupedQuery,
  type ListQuery,
} from './grouped-pages';
export {
  applyJurisdiction,
  jurisdictionFilter,
  scopeOf,
  scopeSql,
  type RecordPolicy,
  type Scope,
} from './jurisdiction';
export {
  decodeKeysetCursor,
  keysetCursor,
  keysetOrderBy,
  keysetOrderMap,
  keysetSql,
  keysetWhere,
  newestFirst,
  type KeysetOrder,
  type KeysetPart,
} from './keyset';
export { byKeyLoader, byParentLoader, perFilter } from './loaders';
export {
  CreateInput,
  STEP_ERRORS,
  StepInputArg,
  ChangeInput,
  deprecatedArg,
  inputOrDeprecatedArgs,
  stepInputType,
  withInputPaths,
} from './mutation-form';
export { RecordQuery, type RecordQueryOptions } from './record-query';
export {
  Connection,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageArgs,
  PageInfo,
  findConnection,
  toConnection,
  toPage,
  type ConnectionShape,
  type Page,
} from './pagination';
export {
  runSubgraphProcess,
  serveSubgraph,
  startSubgraph,
  type RunningServer,
  type StartedSubgraph,
  type SubgraphProcess,
  type SubgraphServerOptions,
  type SubgraphSettings,
} from './server';
export { buildTypeGraphqlSubgraph, type SubgraphSchemaOptions } from './subgraph-schema';
export {
  codeReference,
  idReference,
  type CodeReference,
  type IdReference,
  type ReferenceOptions,
} from './references';
export {
  FieldsOn,
  HiddenOn,
  OnSurfaces,
  OnSurfacesOfItsNodes,
  PERSONAL_DATA_FIELDS,
  PERSONAL_DATA_NAMES,
  SURFACES_WITHOUT_PERSONAL_DATA,
  offerBySurfaces,
  surfaceTag,
  surfacesOfTags,
} from './surfaces';
// The workflow engine.
export {
  ACTORS,
  actorAllows,
  applyStep,
  canStep,
  createThroughWorkflow,
  defineWorkflow,
  nextState,
  recordStep,
  requireActor,
  surfacesOf,
  takeStep,
  type Actor,
  type Creation,
  type Guard,
  type HistoryWriter,
  type StepChange,
  type StepChoice,
  type StepRule,
  type TakenStep,
  type TransitionTable,
  type Workflow,
  type WorkflowDefinition,
  type WorkflowRecord,
} from './workflow';
export { HistoryEntry, historyWriter } from './history';
export { IdempotentRecord, VersionedRecord } from './record';
export { describedEnum, type EnumValue } from './enums';
export { conditionsSql, type Condition } from './conditions';
export {
  canonicalJson,
  checkVersion,
  createOnce,
  findCreated,
  idempotencyOf,
  inTransaction,
  inputFingerprint,
  type Idempotency,
  type IdempotencyColumns,
} from './writes';

// From @cppcc/contract, by name.
export {
  keepIdleConnections,
  BadUserInputError,
  CALLER_HEADER,
  CALLER_LEVELS,
  CITY_TIME_ZONE,
  ConfigError,
  ConflictError,
  DateScalar,
  DateTimeScalar,
  ErrorCode,
  ForbiddenError,
  InvalidTransitionError,
  MAX_TEXT,
  NotFoundError,
  REPORT_DEFAULT_ROWS,
  REPORT_MAX_ROWS,
  REQUEST_ID_HEADER,
  ROLES,
  STAFF_SURFACES,
  SURFACES,
  SURFACE_LEVELS,
  UnauthenticatedError,
  baseConfigShape,
  canSeePersonalData,
  createLogger,
  databaseUrl,
  channelsUrl,
  deliberationUrl,
  fieldPath,
  hasPublicCode,
  internalAuthSecret,
  isUuid,
  likeEscape,
  logUnexpectedErrors,
  maskError,
  maskPersonalData,
  optionalPhone,
  optionalText,
  organizationUrl,
  parseConfig,
  port,
  requireDate,
  requireIntBetween,
  requireText,
  requireYear,
  signCallerToken,
  stopOnSignals,
  subgraphConfigShape,
  todayInCity,
  uuidsOnly,
  verifyCallerToken,
  type Caller,
  type CallerLevel,
  type Logger,
  type OutsideSurface,
  type StaffSurface,
  type Surface,
} from '@cppcc/contract';

export { findAndCountReadOnly, findReadOnly, rowReader, type RowReader } from './read-only';
