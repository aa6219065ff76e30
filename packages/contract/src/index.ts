// What the gateway and the subgraphs agree on, and nothing that loads the ORM, type-graphql or a
// database driver: the gateway depends on this package alone (test/src/gateway-modules.spec.ts).
// Tracing is its own entry (`@cppcc/contract/tracing`): a process loads it before anything else.
export { requestFactsOf, accessLog, type RequestFacts } from './access-log';
export { canSeePersonalData, type Caller, type CallerLevel } from './caller';
export {
  ConfigError,
  baseConfigShape,
  databaseUrl,
  channelsUrl,
  deliberationUrl,
  internalAuthSecret,
  organizationUrl,
  parseConfig,
  port,
  subgraphConfigShape,
} from './config';
export {
  BadUserInputError,
  ConflictError,
  ErrorCode,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
  fieldOfCoercionError,
  fieldPath,
  hasPublicCode,
  maskError,
  normalizeFieldPath,
} from './errors';
export {
  CALLER_HEADER,
  CALLER_LEVELS,
  ROLES,
  callerSchema,
  claimsFault,
  signCallerToken,
  tokenClaimsSchema,
  verifyCallerToken,
  type TokenClaims,
} from './identity';
export {
  InputRefusal,
  MAX_TEXT,
  inputCheckPlugin,
  inputFault,
  referenceKeyIsWellFormed,
} from './input-check';
export { logUnexpectedErrors } from './error-log';
export { keepIdleConnections } from './http-server';
export { stopOnSignals } from './lifecycle';
export { createLogger, serializeError, type Logger } from './logger';
export {
  BoundedLabel,
  ProcessMetrics,
  metricsEndpoint,
  recordFeedFailure,
  recordFeedProgress,
  type PoolView,
} from './metrics';
export { REPORT_DEFAULT_ROWS, REPORT_MAX_ROWS } from './report-limits';
export { REQUEST_ID_HEADER, operationPlugin, requestIdFrom, requestLogPlugin } from './request-log';
export { DateScalar, DateTimeScalar } from './scalars';
export {
  SURFACES,
  SURFACE_LEVELS,
  STAFF_SURFACES,
  type OutsideSurface,
  type StaffSurface,
  type Surface,
} from './surfaces';
export {
  CITY_TIME_ZONE,
  END_OF_LAST_YEAR,
  FIRST_DAY,
  FIRST_INSTANT,
  FIRST_YEAR,
  LAST_DAY,
  LAST_YEAR,
  instantFault,
  isUuid,
  likeEscape,
  maskPersonalData,
  optionalPhone,
  optionalText,
  requireDate,
  requireIntBetween,
  requireText,
  requireYear,
  todayInCity,
  uuidsOnly,
} from './validation';
