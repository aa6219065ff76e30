import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller, RequestFacts } from '@cppcc/contract';

/** Per-request state: the caller, a forked EntityManager and the request's loaders. */
export interface RequestContext<Loaders = unknown> {
  caller: Caller;
  /** The id of the client's request, the same in the gateway's and every subgraph's logs. */
  requestId?: string;
  /** What the request's access log line learns from GraphQL (access-log.ts). */
  requestLog?: RequestFacts;
  em: EntityManager;
  loaders: Loaders;
}
