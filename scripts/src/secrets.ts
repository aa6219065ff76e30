import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPO_ROOT } from './schema-pipeline';

/** Where development secrets live: git-ignored, readable by the owner only. */
export const DEV_SECRETS_FILE = resolve(REPO_ROOT, '.data/secrets.json');

export interface DevSecrets {
  /** Signs callers' tokens (HS256) in development: `npm run token` and the gateway share it. */
  AUTH_JWT_SECRET: string;
  /** Signs the callers the gateway passes to the subgraphs. */
  INTERNAL_AUTH_SECRET: string;
}

/**
 * The secrets of a development stack: the environment's when set, otherwise those generated into
 * .data/secrets.json on first use, so tokens minted today still work after a restart.
 */
export function devSecrets(env: Record<string, string | undefined> = process.env): DevSecrets {
  let stored: Partial<DevSecrets> = {};
  if (existsSync(DEV_SECRETS_FILE))
    stored = JSON.parse(readFileSync(DEV_SECRETS_FILE, 'utf8')) as Partial<DevSecrets>;
  const secrets: DevSecrets = {
    AUTH_JWT_SECRET: stored.AUTH_JWT_SECRET ?? randomBytes(32).toString('base64url'),
    INTERNAL_AUTH_SECRET: stored.INTERNAL_AUTH_SECRET ?? randomBytes(32).toString('base64url'),
  };
  if (!stored.AUTH_JWT_SECRET || !stored.INTERNAL_AUTH_SECRET) {
    mkdirSync(dirname(DEV_SECRETS_FILE), { recursive: true });
    writeFileSync(DEV_SECRETS_FILE, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    AUTH_JWT_SECRET: env.AUTH_JWT_SECRET ?? secrets.AUTH_JWT_SECRET,
    INTERNAL_AUTH_SECRET: env.INTERNAL_AUTH_SECRET ?? secrets.INTERNAL_AUTH_SECRET,
  };
}
