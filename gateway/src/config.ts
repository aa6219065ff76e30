import { baseConfigShape, parseConfig, port } from '@cppcc/toolkit';
import { resolve } from 'node:path';
import { z } from 'zod';

/** The port the gateway listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 4000;

const subgraphUrl = z.url({ protocol: /^https?$/ }).optional();

/** Every variable the gateway reads (documented in .env.example). */
export const configShape = {
  ...baseConfigShape,
  PORT: port(DEFAULT_PORT),
  /** The composed supergraph the gateway serves (`npm run schema` writes it). */
  SUPERGRAPH_PATH: z.string().min(1).default(resolve(__dirname, '../../schema/supergraph.graphql')),
  /** Where each subgraph answers, when not at the supergraph's routing URL. */
  ORGANIZATION_URL: subgraphUrl,
  DELIBERATION_URL: subgraphUrl,
  CHANNELS_URL: subgraphUrl,
  /** How long a subgraph may take before its part of an answer is given up. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
};

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  return parseConfig(configShape, env);
}
