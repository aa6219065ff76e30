import { SignJWT } from 'jose';
import { authenticate, createTokenVerifier } from './auth';
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

describe('a token’s issuer and audience (issue 11, observation 6)', () => {
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
