import { z } from 'zod';

/** Variables every process reads. */
export const baseConfigShape = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('0.0.0.0'),
};

/** The PostgreSQL URL, when one is given; without it the stack starts an embedded server. */
export const databaseUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
  .optional();

export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);

export class ConfigError extends Error {}

/** A variable that may be left out and then has no value (AUTH_JWKS_URL, not PORT). */
function optionalWithoutDefault(schema: z.core.$ZodType | undefined): boolean {
  if (!schema) return false;
  const absent = z.safeParse(schema, undefined);
  return absent.success && absent.data === undefined;
}

/**
 * Parses a process's configuration from the environment. A bad value throws a ConfigError that
 * names every variable at fault; `main`s print it and exit, so nothing starts half-configured.
 * An optional variable without a default (AUTH_JWKS_URL) set to the empty string counts as
 * unset: Compose's `${NAME:-}` passes an operator's unset variable that way. Elsewhere the empty
 * string is a value (`INTROSPECTION_SURFACES=` is none, not the default all).
 */
export function parseConfig<T extends z.ZodRawShape>(
  shape: T,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<T>> {
  const given = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => value !== '' || !optionalWithoutDefault(shape[key]),
    ),
  );
  const result = z.object(shape).safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

/** The secret the gateway signs callers with for the subgraphs; the same value in every process. */
export const internalAuthSecret = z.string().min(32, 'must be at least 32 characters');

/** The variables every subgraph reads: the base's, its port, its database and the shared secret. */
export function subgraphConfigShape(defaultPort: number) {
  return {
    ...baseConfigShape,
    PORT: port(defaultPort),
    DATABASE_URL: databaseUrl.unwrap(),
    INTERNAL_AUTH_SECRET: internalAuthSecret,
  };
}

/** Where the organization subgraph answers, for the subgraphs that follow its change feeds. */
export const organizationUrl = z
  .url({ protocol: /^https?$/ })
  .default('http://localhost:4001/graphql');

/** Where the deliberation subgraph answers, for the subgraphs that follow its event feed. */
export const deliberationUrl = z
  .url({ protocol: /^https?$/ })
  .default('http://localhost:4002/graphql');

/** Where the channels subgraph answers, for the subgraphs that follow its event feed. */
export const channelsUrl = z.url({ protocol: /^https?$/ }).default('http://localhost:4003/graphql');
