import express from 'express';
import { jwtVerify } from 'jose';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticate, createTokenVerifier } from './auth';
import { loadConfig } from './config';
import { devSignIn, devSignInEnabled, isLoopback, webApp } from './web';

const SECRETS = {
  AUTH_JWT_SECRET: 'unit-test-auth-secret-0123456789abcdef',
  INTERNAL_AUTH_SECRET: 'unit-test-internal-secret-0123456789abc',
};
const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9
q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==
-----END PUBLIC KEY-----`;

/** Serves a router on a free port for the length of `work`. */
async function serving(router: express.Router, work: (origin: string) => Promise<void>) {
  const app = express();
  app.use(router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

describe('the development sign-in', () => {
  it('answers only callers on this machine', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('10.1.2.3')).toBe(false);
    expect(isLoopback('::ffff:192.168.1.5')).toBe(false);
    expect(isLoopback('127.0.0.1.evil')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  it('is off by default, and on only when asked for with the development secret', () => {
    expect(devSignInEnabled(loadConfig(SECRETS))).toBe(false);
    expect(devSignInEnabled(loadConfig({ ...SECRETS, DEV_SIGN_IN: 'true' }))).toBe(true);
    // A deployment verifying with its identity provider's keys never mints tokens.
    const deployed = loadConfig({
      INTERNAL_AUTH_SECRET: SECRETS.INTERNAL_AUTH_SECRET,
      AUTH_PUBLIC_KEY: PUBLIC_KEY,
      AUTH_JWT_ALGORITHM: 'ES256',
      DEV_SIGN_IN: 'true',
    });
    expect(devSignInEnabled(deployed)).toBe(false);
    expect(() => loadConfig({ ...SECRETS, DEV_SIGN_IN: 'yes' })).toThrow(/DEV_SIGN_IN/);
  });

  it('does not exist when off', async () => {
    await serving(devSignIn(loadConfig(SECRETS)), async (origin) => {
      expect((await fetch(`${origin}/dev/sign-in`)).status).toBe(404);
      const token = await fetch(`${origin}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ level: 'CITY', division: '3207' }),
      });
      expect(token.status).toBe(404);
    });
  });

  it('mints a token the gateway accepts for the identity asked for, and refuses one that is not', async () => {
    const config = loadConfig({ ...SECRETS, DEV_SIGN_IN: 'true' });
    await serving(devSignIn(config), async (origin) => {
      expect(await (await fetch(`${origin}/dev/sign-in`)).json()).toEqual({ enabled: true });
      const post = (body: unknown) =>
        fetch(`${origin}/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const homeId = '6a1f5e0c-1c1d-4c43-9a56-0e1f2a3b4c5d';
      const { token } = (await (
        await post({ level: 'HOME', division: '320706001', homeId })
      ).json()) as { token: string };
      const caller = await authenticate(
        await createTokenVerifier(config),
        'home',
        `Bearer ${token}`,
      );
      expect(caller).toMatchObject({
        level: 'HOME',
        division: '320706001',
        homeId,
        roles: ['HOME_LEADER'],
      });
      const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRETS.AUTH_JWT_SECRET));
      expect(payload.exp! - payload.iat!).toBe(8 * 3600);
      for (const bad of [
        { level: 'COUNTY', division: '3207' },
        { level: 'HOME', division: '320706001' },
        { level: 'ADMIN', division: '3207' },
      ]) {
        const refused = await post(bad);
        expect(refused.status).toBe(400);
        expect(((await refused.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      }
    });
  });
});

describe('the front end’s build at /', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>工作台</title>');
    writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the page to a browser with a strict policy, and its hashed files for long', async () => {
    await serving(webApp({ WEB_DIR: dir }), async (origin) => {
      const page = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('工作台');
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const script = await fetch(`${origin}/assets/index-abc123.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('cache-control')).toMatch(/immutable/);
      expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
      // A GraphQL client asking for JSON is not given the page.
      expect((await fetch(`${origin}/`, { headers: { accept: 'application/json' } })).status).toBe(
        404,
      );
    });
  });

  it('says how to build it when it is not built', async () => {
    await serving(webApp({ WEB_DIR: join(dir, 'absent') }), async (origin) => {
      const page = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(404);
      expect(await page.text()).toMatch(/npm run build/);
    });
  });
});
