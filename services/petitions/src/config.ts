import { z } from 'zod';
import {
  baseConfigShape,
  databaseUrl,
  internalAuthSecret,
  parseConfig,
  port,
} from '@cppcc/toolkit';

/** The port the petitions subgraph listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 4004;

/** Every variable the petitions subgraph reads (documented in .env.example). */
export const configShape = {
  ...baseConfigShape,
  PORT: port(DEFAULT_PORT),
  DATABASE_URL: databaseUrl.unwrap(),
  INTERNAL_AUTH_SECRET: internalAuthSecret,
  /** Where the organization subgraph answers: its department change feed is next to it. */
  ORGANIZATION_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:4001/graphql'),
};

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  return parseConfig(configShape, env);
}
