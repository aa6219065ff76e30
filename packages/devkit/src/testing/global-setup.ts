import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres';

const state = globalThis as typeof globalThis & {
  __embeddedPostgres?: EmbeddedPostgres;
  __embeddedDir?: string;
};

/**
 * Jest global setup: use DATABASE_URL's server when it is set, otherwise start an embedded
 * PostgreSQL for this run in a temporary folder. Test workers inherit DATABASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dir = mkdtempSync(join(tmpdir(), 'cppcc-test-pg-'));
  // As root, initdb runs as the `postgres` OS user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  state.__embeddedDir = dir;
  state.__embeddedPostgres = await startEmbeddedPostgres(join(dir, 'data'));
  process.env.DATABASE_URL = state.__embeddedPostgres.url;
}

export async function globalTeardown(): Promise<void> {
  if (state.__embeddedPostgres) {
    await state.__embeddedPostgres.stop();
    delete process.env.DATABASE_URL;
  }
  if (state.__embeddedDir) rmSync(state.__embeddedDir, { recursive: true, force: true });
}
