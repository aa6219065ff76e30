import {
  ConfigError,
  SURFACES,
  baseConfigShape,
  databaseUrl,
  internalAuthSecret,
  parseConfig,
  port,
} from '@cppcc/contract';
import { resolve } from 'node:path';
import { z } from 'zod';
import { webConfigShape } from './web';

/** The port the gateway listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 4000;

const subgraphUrl = z.url({ protocol: /^https?$/ });

/** A comma-separated list of surfaces (`none` for none), defaulting to `fallback`. */
const surfaceList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value === 'none' || value === '' ? [] : value.split(',').map((surface) => surface.trim()),
    )
    .pipe(z.array(z.enum(SURFACES)));

/** Every variable the gateway reads (documented in .env.example). */
export const configShape = {
  ...baseConfigShape,
  PORT: port(DEFAULT_PORT),
  /** The folder of the surfaces' contract supergraphs (`npm run schema` writes them). */
  CONTRACTS_DIR: z.string().min(1).default(resolve(__dirname, '../../schema/contracts')),
  /** The operations front ends registered (Apollo's persisted query manifest format). */
  TRUSTED_DOCUMENTS_PATH: z
    .string()
    .min(1)
    .default(resolve(__dirname, '../../schema/trusted-documents.json')),
  /** The surfaces that run registered operations only, comma-separated (`none` for none). */
  TRUSTED_DOCUMENTS_ONLY: surfaceList('public'),
  /**
   * The surfaces that answer introspection, comma-separated (`none` for none). Said here rather
   * than left to `NODE_ENV`, which Apollo Server reads to turn introspection off unannounced.
   */
  INTROSPECTION_SURFACES: surfaceList(SURFACES.join(',')),
  /** The surfaces whose path serves the explorer to a browser (`none` for none). */
  EXPLORER_SURFACES: surfaceList(SURFACES.join(',')),
  /** How long a subgraph may take before its part of an answer is given up. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * Room for whole answers the subgraphs' cache hints let a caller's repeat read (figures and
   * reports, 30 s; a write through the gateway empties it), in MB; 0 keeps none.
   */
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(16_384).default(64),
  /**
   * How long past its age an answer may still be served, in seconds, while the first request to
   * find it expired asks the subgraphs afresh (stale-while-revalidate); 0 serves none. A write
   * still empties the cache at once.
   */
  RESPONSE_CACHE_STALE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  /**
   * A PostgreSQL the gateway replicas share (the subgraphs' database does): a write through any
   * gateway empties every gateway's answer cache (`LISTEN/NOTIFY`), and the rate limits are counted
   * in one table (`gateway.rate_limit`) for all of them. Unset: each gateway on its own.
   */
  DATABASE_URL: databaseUrl,
  /** Or a Redis the gateways share for the same (pub/sub, counts in Redis); preferred when set. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /**
   * Express's `trust proxy`: which proxies in front may say the client's address in
   * `X-Forwarded-For` (the public surface limits requests per address). `false` (none, the
   * default), `true` (any), a number of hops, or addresses/subnets comma-separated (`loopback`,
   * `10.0.0.0/8` …).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((value): boolean | number | string => {
      if (value === '' || value === 'false') return false;
      if (value === 'true') return true;
      if (/^\d+$/.test(value)) return Number(value);
      return value;
    }),
  /** Scales every surface's requests-per-minute limit (e.g. 2 doubles them). */
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000).default(1),
  /**
   * Callers' tokens signed HS256 with this secret (development; `npm start` generates one).
   * Ignored beside AUTH_PUBLIC_KEY or an AUTH_JWKS_URL that is not on this machine.
   */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Or verified with this PEM public key (RS256 or ES256, as AUTH_JWT_ALGORITHM says). */
  AUTH_PUBLIC_KEY: z
    .string()
    .includes('BEGIN PUBLIC KEY', { message: 'must be a PEM public key' })
    .optional(),
  AUTH_JWT_ALGORITHM: z.enum(['RS256', 'ES256']).default('RS256'),
  /**
   * Or against the keys your identity provider publishes at this JWKS URL (RS256 or ES256): a
   * token naming a key (`kid`) not yet seen has the set fetched again, so a rotated key is
   * followed without a restart. Needs AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE beside it.
   */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The least time between two fetches of AUTH_JWKS_URL, in milliseconds (30 s by default). */
  AUTH_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** When set, a caller's token must carry this issuer (`iss`): tokens of other issuers are refused. */
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  /** When set, a caller's token must name this audience (`aud`): tokens for other systems are refused. */
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  /** The secret the gateway signs callers with for the subgraphs; the same in every process. */
  INTERNAL_AUTH_SECRET: internalAuthSecret,
  ...webConfigShape,
};

export type Config = ReturnType<typeof loadConfig>;

/**
 * Where each subgraph answers when not at the supergraph's routing URL: `<NAME>_URL` for the
 * subgraph `name` (`CHANNELS_URL`, `PETITIONS_URL` …), any subgraph the contracts name, so a new
 * subgraph needs no variable declared here. Every such variable (a single word before `_URL`,
 * other than the ones above) must be an http(s) URL.
 */
function subgraphUrls(env: Record<string, string | undefined>): Record<string, string> {
  const urls: Record<string, string> = {};
  const errors: string[] = [];
  for (const [variable, value] of Object.entries(env)) {
    const match = /^([A-Z][A-Z0-9]*)_URL$/.exec(variable);
    if (!match || variable in configShape || value === undefined || value === '') continue;
    const parsed = subgraphUrl.safeParse(value);
    if (parsed.success) urls[match[1].toLowerCase()] = parsed.data;
    else errors.push(`  ${variable}: must be an http(s) URL where the subgraph answers`);
  }
  if (errors.length) throw new ConfigError(`Invalid configuration:\n${errors.join('\n')}`);
  return urls;
}

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const config = { ...parseConfig(configShape, env), SUBGRAPH_URLS: subgraphUrls(env) };
  if (!config.AUTH_JWT_SECRET && !config.AUTH_PUBLIC_KEY && !config.AUTH_JWKS_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL: one of them must be set to verify tokens',
    );
  }
  // A provider's keys sign tokens for every system it serves: only the issuer and audience tell
  // this graph's apart.
  if (config.AUTH_JWKS_URL && (!config.AUTH_JWT_ISSUER || !config.AUTH_JWT_AUDIENCE)) {
    throw new ConfigError(
      'Invalid configuration:\n  AUTH_JWKS_URL: set AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE with it (the provider signs tokens for other systems too)',
    );
  }
  return config;
}
