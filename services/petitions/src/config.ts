import {
  channelsUrl,
  deliberationUrl,
  organizationUrl,
  parseConfig,
  subgraphConfigShape,
} from '@cppcc/toolkit';

/** The port the petitions subgraph listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 4004;

/** Every variable the petitions subgraph reads (documented in .env.example). */
export const configShape = {
  ...subgraphConfigShape(DEFAULT_PORT),
  /** Where the organization subgraph answers: its department change feed is next to it. */
  ORGANIZATION_URL: organizationUrl,
  /** Where the deliberation subgraph answers: its event feed (the sessions' life) is beside it. */
  DELIBERATION_URL: deliberationUrl,
  /** Where the channels subgraph answers: its event feed (the demands raised) is beside it. */
  CHANNELS_URL: channelsUrl,
};

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  return parseConfig(configShape, env);
}
