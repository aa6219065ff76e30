/**
 * A real OpenID provider on loopback for the tests (oidc-provider, in its own process: it is an
 * ES module jest cannot load), with a client per department, and a department system's requests
 * for tokens: the client credentials grant, as curl sends it.
 */
import type { IdentityProviderOptions } from '@cppcc/scripts';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = require.resolve('@cppcc/scripts/dist/identity/main.js');

export interface TestIdentityProvider {
  issuer: string;
  jwksUrl: string;
  tokenUrl: string;
  /** Signs with a new key from now on (the old ones stay published); its `kid`. */
  rotateKey(): Promise<string>;
  /** A client's access token (client credentials), or the provider's error answer. */
  token(
    clientId: string,
    clientSecret: string,
    resource?: string,
  ): Promise<{ status: number; body: Record<string, any> }>;
  stop(): Promise<void>;
}

export async function startIdentityProvider(
  options: IdentityProviderOptions,
): Promise<TestIdentityProvider> {
  const folder = mkdtempSync(join(tmpdir(), 'cppcc-idp-'));
  const file = join(folder, 'provider.json');
  writeFileSync(file, JSON.stringify(options), { mode: 0o600 });
  const child: ChildProcess = fork(MAIN, [], {
    env: { ...process.env, IDENTITY_PROVIDER_CONFIG: file, NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = await new Promise<{ issuer: string; jwksUrl: string; tokenUrl: string }>(
    (resolve, reject) => {
      child.on('message', (message: any) => message?.ready && resolve(message));
      child.once('exit', (code) =>
        reject(new Error(`the identity provider exited (${code}): ${stderr}`)),
      );
    },
  );
  rmSync(folder, { recursive: true, force: true });
  return {
    ...ready,
    rotateKey: () =>
      new Promise<string>((resolve) => {
        const answer = (message: any) => {
          if (!message?.rotated) return;
          child.off('message', answer);
          resolve(message.rotated);
        };
        child.on('message', answer);
        child.send({ rotate: true });
      }),
    token: async (clientId, clientSecret, resource) => {
      const response = await fetch(ready.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          ...(resource ? { resource } : {}),
        }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
