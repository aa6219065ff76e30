import { SignJWT } from 'jose';
import { authenticate, createTokenVerifier, devSecretHonoured, isLoopbackUrl } from './auth';
import { loadConfig } from './config';

const SECRET = 'test-only-auth-jwt-secret-0123456789abcdef';
const sign = (claims: { iss?: string; aud?: string }) => {
  let jwt = new SignJWT({ level: 'CITY', division: '3207', roles: ['STAFF'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('test:city')
    .setExpirationTime('1h');
  if (claims.iss) jwt = jwt.setIssuer(claims.iss);
  if (claims.aud) jwt = jwt.setAudience(claims.aud);
  return jwt.sign(new TextEncoder().encode(SECRET));
};
const config = (env: Record<string, string> = {}) =>
  loadConfig({
    AUTH_JWT_SECRET: SECRET,
    INTERNAL_AUTH_SECRET: 'test-only-internal-auth-secret-0123456789',
    ...env,
  });

describe('a token’s issuer and audience', () => {
  it('are checked when configured: another issuer or audience is 401', async () => {
    const verify = await createTokenVerifier(
      config({ AUTH_JWT_ISSUER: 'https://idp.example/', AUTH_JWT_AUDIENCE: 'cppcc-graph' }),
    );
    const good = await sign({ iss: 'https://idp.example/', aud: 'cppcc-graph' });
    await expect(authenticate(verify, 'city', `Bearer ${good}`)).resolves.toMatchObject({
      level: 'CITY',
    });
    for (const claims of [
      { iss: 'https://other.example/', aud: 'cppcc-graph' },
      { iss: 'https://idp.example/', aud: 'another-system' },
      { aud: 'cppcc-graph' },
      { iss: 'https://idp.example/' },
    ]) {
      await expect(
        authenticate(verify, 'city', `Bearer ${await sign(claims)}`),
      ).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  });

  it('are not required when not configured', async () => {
    const verify = await createTokenVerifier(config());
    await expect(authenticate(verify, 'city', `Bearer ${await sign({})}`)).resolves.toMatchObject({
      level: 'CITY',
    });
  });
});

describe('the development secret beside an identity provider’s keys', () => {
  const base = {
    AUTH_JWT_SECRET: SECRET,
    INTERNAL_AUTH_SECRET: 'test-only-internal-auth-secret-0123456789',
  };
  const provider = {
    AUTH_JWKS_URL: 'https://idp.example/jwks',
    AUTH_JWT_ISSUER: 'https://idp.example/',
    AUTH_JWT_AUDIENCE: 'urn:cppcc:graph',
  };

  it('needs the issuer and the audience beside a JWKS', () => {
    expect(() => loadConfig({ ...base, AUTH_JWKS_URL: provider.AUTH_JWKS_URL })).toThrow(
      /AUTH_JWKS_URL: set AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE/,
    );
    expect(() =>
      loadConfig({ ...base, ...provider, AUTH_JWT_AUDIENCE: undefined as never }),
    ).toThrow(/AUTH_JWT_AUDIENCE/);
  });

  it('is honoured beside a JWKS on this machine only (npm start’s development provider)', () => {
    expect(devSecretHonoured(loadConfig(base))).toBe(true);
    for (const url of ['http://127.0.0.1:4005/jwks', 'http://localhost:4005/jwks']) {
      expect(devSecretHonoured(loadConfig({ ...base, ...provider, AUTH_JWKS_URL: url }))).toBe(
        true,
      );
    }
    expect(devSecretHonoured(loadConfig({ ...base, ...provider }))).toBe(false);
    expect(isLoopbackUrl('http://127.0.0.1.example/jwks')).toBe(false);
  });

  it('signs no token a deployment with a remote JWKS accepts', async () => {
    const verify = await createTokenVerifier(loadConfig({ ...base, ...provider }));
    await expect(authenticate(verify, 'city', `Bearer ${await sign({})}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('names the claim at fault when a token’s claims name no department', async () => {
    const verify = await createTokenVerifier(config());
    const token = await new SignJWT({ level: 'DEPARTMENT', division: '320706001', roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('client-without-department')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(authenticate(verify, 'department', `Bearer ${token}`)).rejects.toMatchObject({
      message: expect.stringMatching(/: departmentId: a DEPARTMENT token names its department/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
