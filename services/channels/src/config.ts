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
};

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  return parseConfig(configShape, env);
}
