import { z } from 'zod';
import { deliberationUrl, organizationUrl, parseConfig, subgraphConfigShape } from '@cppcc/toolkit';

/** The port the channels subgraph listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 4003;

/** Every variable the channels subgraph reads (documented in .env.example). */
export const configShape = {
  ...subgraphConfigShape(DEFAULT_PORT),
  /** Where the organization subgraph answers: its home change feed is next to it. */
  ORGANIZATION_URL: organizationUrl,
  /** Where the deliberation subgraph answers: its event feed, delivered by webhook, is beside it. */
  DELIBERATION_URL: deliberationUrl,
  /**
   * `true` lets webhook subscriptions point at private and link-local addresses (a receiver on
   * the government network the operator vouches for); refused otherwise.
   */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /**
   * `true` lets webhook subscriptions point at loopback (this host: a receiver for local use and
   * tests). Off unless set: in production a subscription to 127.0.0.1 would reach the services'
   * own ports. `npm start` turns it on for local use.
   */
  WEBHOOK_ALLOW_LOOPBACK: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /**
   * How many webhook lanes (a subscription's deliveries about one record) the process delivers at
   * once; a receiver that never answers holds one for the attempt's timeout (10 s).
   */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
};

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  return parseConfig(configShape, env);
}
