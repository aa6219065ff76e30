import { parseConfig, subgraphConfigShape } from '@cppcc/toolkit';

/** The port the organization subgraph listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 4001;

/** Every variable the organization subgraph reads (documented in .env.example). */
export const configShape = {
  ...subgraphConfigShape(DEFAULT_PORT),
};

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  return parseConfig(configShape, env);
}
