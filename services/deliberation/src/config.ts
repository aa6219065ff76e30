import { organizationUrl, parseConfig, subgraphConfigShape } from '@cppcc/toolkit';

/** The port the deliberation subgraph listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 4002;

/** Every variable the deliberation subgraph reads (documented in .env.example). */
export const configShape = {
  ...subgraphConfigShape(DEFAULT_PORT),
  /** Where the organization subgraph answers: its home change feed is next to it. */
  ORGANIZATION_URL: organizationUrl,
};

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  return parseConfig(configShape, env);
}
