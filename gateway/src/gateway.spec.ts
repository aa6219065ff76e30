import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate, createTokenVerifier, PUBLIC_CALLER } from './auth';
import { loadConfig } from './config';
import { subgraphTargets } from './gateway';

const SECRETS = {
  AUTH_JWT_SECRET: 'unit-test-auth-secret-0123456789abcdef',
  INTERNAL_AUTH_SECRET: 'unit-test-internal-secret-0123456789abc',
};
const config = loadConfig(SECRETS);
const supergraph = readFileSync(join(config.CONTRACTS_DIR, 'city.graphql'), 'utf8');

function sign(
  claims: Record<string, unknown>,
  expiresIn: string | number = '1h',
  secret = SECRETS.AUTH_JWT_SECRET,
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('unit-test')
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

describe('the gateway configuration', () => {
  it('routes to the subgraphs the committed contracts name, at their routing URLs by default', () => {
    const targets = subgraphTargets(supergraph, config);
    expect(targets).toEqual(
      [...supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(
        ([, name, url]) => ({ name, url }),
      ),
    );
    expect(targets).toContainEqual({ name: 'organization', url: 'http://localhost:4001/graphql' });
  });

  it('lets the environment say where each subgraph answers, by its name (`<NAME>_URL`)', () => {
    const moved = loadConfig({
      ...SECRETS,
      ORGANIZATION_URL: 'http://organization:4001/graphql',
      PETITIONS_URL: 'http://petitions:4004/graphql',
    });
    expect(subgraphTargets(supergraph, moved)).toEqual(
      expect.arrayContaining([
        { name: 'organization', url: 'http://organization:4001/graphql' },
        { name: 'petitions', url: 'http://petitions:4004/graphql' },
      ]),
    );
  });

  it('refuses to start on a bad value or without a way to verify tokens, naming the variable', () => {
    expect(() => loadConfig({ ...SECRETS, CHANNELS_URL: 'ftp://channels/graphql' })).toThrow(
      /CHANNELS_URL/,
    );
    expect(() => loadConfig({ ...SECRETS, SUBGRAPH_TIMEOUT_MS: '5' })).toThrow(
      /SUBGRAPH_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ INTERNAL_AUTH_SECRET: SECRETS.INTERNAL_AUTH_SECRET })).toThrow(
      /AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL/,
    );
    expect(() =>
      loadConfig({ AUTH_JWT_SECRET: SECRETS.AUTH_JWT_SECRET, INTERNAL_AUTH_SECRET: 'short' }),
    ).toThrow(/INTERNAL_AUTH_SECRET/);
  });
});

describe('a production identity provider', () => {
  it('has its RS256 tokens verified with its public key, and HS256 tokens refused', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const withKey = loadConfig({
      INTERNAL_AUTH_SECRET: SECRETS.INTERNAL_AUTH_SECRET,
      AUTH_PUBLIC_KEY: await exportSPKI(publicKey),
    });
    const verify = await createTokenVerifier(withKey);
    const token = await new SignJWT({ level: 'COUNTY', division: '320724', roles: ['STAFF'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('idp:42')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await authenticate(verify, 'county', `Bearer ${token}`)).toMatchObject({
      subject: 'idp:42',
      division: '320724',
    });
    const shared = await sign({ level: 'COUNTY', division: '320724' });
    await expect(authenticate(verify, 'county', `Bearer ${shared}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('a caller at the gateway', () => {
  let verify: Awaited<ReturnType<typeof createTokenVerifier>>;
  beforeAll(async () => {
    verify = await createTokenVerifier(config);
  });
  const code = async (promise: Promise<unknown>) =>
    promise.then(
      () => 'ACCEPTED',
      (error: { extensions?: { code?: string; http?: { status?: number } } }) =>
        `${error.extensions?.code} ${error.extensions?.http?.status}`,
    );

  it('needs no token on the public surface, and is the public there whatever it sends', async () => {
    expect(await authenticate(verify, 'public', undefined)).toEqual(PUBLIC_CALLER);
    const county = await sign({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });
    expect(await authenticate(verify, 'public', `Bearer ${county}`)).toEqual(PUBLIC_CALLER);
  });

  it('is a county with its jurisdiction on the county surface', async () => {
    const token = await sign({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });
    expect(await authenticate(verify, 'county', `Bearer ${token}`)).toEqual({
      subject: 'unit-test',
      level: 'COUNTY',
      division: '320706',
      roles: ['STAFF'],
      surface: 'county',
    });
  });

  it('gets 401 without a token, with a forged, expired or malformed one', async () => {
    const forged = await sign(
      { level: 'CITY', division: '3207' },
      '1h',
      'another-secret-that-is-long-enough-000',
    );
    const expired = await sign(
      { level: 'CITY', division: '3207' },
      Math.floor(Date.now() / 1000) - 60,
    );
    const countyWithCityCode = await sign({ level: 'COUNTY', division: '3207' });
    const homeWithoutHome = await sign({ level: 'HOME', division: '320706001' });
    for (const authorization of [
      undefined,
      'Basic abc',
      `Bearer ${forged}`,
      `Bearer ${expired}`,
      `Bearer ${countyWithCityCode}`,
      `Bearer ${homeWithoutHome}`,
    ]) {
      expect(await code(authenticate(verify, 'county', authorization))).toBe('UNAUTHENTICATED 401');
    }
  });

  it('gets 403 on a surface above its level, or on another kind of surface', async () => {
    const county = await sign({ level: 'COUNTY', division: '320706' });
    const department = await sign({
      level: 'DEPARTMENT',
      division: '3207',
      departmentId: '4b4f5f0e-7f8a-4d7a-9f7e-0d5c1a2b3c4d',
    });
    expect(await code(authenticate(verify, 'city', `Bearer ${county}`))).toBe('FORBIDDEN 403');
    expect(await code(authenticate(verify, 'department', `Bearer ${county}`))).toBe(
      'FORBIDDEN 403',
    );
    expect(await code(authenticate(verify, 'county', `Bearer ${department}`))).toBe(
      'FORBIDDEN 403',
    );
    expect(await code(authenticate(verify, 'department', `Bearer ${department}`))).toBe('ACCEPTED');
  });
});
