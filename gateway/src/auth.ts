import {
  ForbiddenError,
  SURFACE_LEVELS,
  claimsFault,
  tokenClaimsSchema,
  UnauthenticatedError,
  type Caller,
  type Surface,
} from '@cppcc/contract';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  importSPKI,
  jwtVerify,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import type { Config } from './config';

/** The public surface's caller: anyone, no token, no jurisdiction beyond what is public. */
export const PUBLIC_CALLER: Caller = {
  subject: 'public',
  level: 'PUBLIC',
  division: '',
  roles: [],
  surface: 'public',
};

type Verify = (token: string) => Promise<Record<string, unknown>>;

/** Whether a URL points at this machine (a development identity provider, `npm start`'s). */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Whether tokens signed with AUTH_JWT_SECRET (development: `npm run token`, the dashboard's
 * sign-in) are honoured: when it is the only key source, or beside a JWKS on this machine (the
 * development provider). A deployment verifying with its identity provider's keys honours none.
 */
export function devSecretHonoured(
  config: Pick<Config, 'AUTH_JWT_SECRET' | 'AUTH_PUBLIC_KEY' | 'AUTH_JWKS_URL'>,
): boolean {
  if (!config.AUTH_JWT_SECRET || config.AUTH_PUBLIC_KEY) return false;
  return !config.AUTH_JWKS_URL || isLoopbackUrl(config.AUTH_JWKS_URL);
}

/**
 * Verifies callers' tokens with the configured key sources: the identity provider's keys
 * (AUTH_JWKS_URL, fetched again when a token names a key not yet seen, at most once per
 * AUTH_JWKS_COOLDOWN_MS, so a rotated key is followed without a restart; or AUTH_PUBLIC_KEY), and
 * the development secret for HS256 tokens (devSecretHonoured).
 */
export async function createTokenVerifier(config: Config): Promise<Verify> {
  // The issuer and audience, when configured: a token another issuer signed, or one meant for
  // another system (same identity provider, same keys), is not a token for this graph.
  const checks = {
    requiredClaims: ['exp', 'sub'],
    ...(config.AUTH_JWT_ISSUER ? { issuer: config.AUTH_JWT_ISSUER } : {}),
    ...(config.AUTH_JWT_AUDIENCE ? { audience: config.AUTH_JWT_AUDIENCE } : {}),
  };
  let keys: { key: JWTVerifyGetKey | KeyLike; algorithms: string[] } | undefined;
  if (config.AUTH_JWKS_URL) {
    keys = {
      key: createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), {
        cooldownDuration: config.AUTH_JWKS_COOLDOWN_MS,
        timeoutDuration: 5_000,
      }),
      algorithms: ['RS256', 'ES256'],
    };
  } else if (config.AUTH_PUBLIC_KEY) {
    keys = {
      key: await importSPKI(config.AUTH_PUBLIC_KEY, config.AUTH_JWT_ALGORITHM),
      algorithms: [config.AUTH_JWT_ALGORITHM],
    };
  }
  const secret = devSecretHonoured(config)
    ? new TextEncoder().encode(config.AUTH_JWT_SECRET)
    : undefined;
  return async (token) => {
    if (secret && (!keys || decodeProtectedHeader(token).alg === 'HS256')) {
      // Beside a provider's keys, development tokens carry no issuer or audience of theirs.
      const options = keys ? { requiredClaims: checks.requiredClaims } : checks;
      return (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
    }
    if (!keys) throw new errors.JOSEAlgNotAllowed('no key source verifies this token');
    const verified =
      typeof keys.key === 'function'
        ? await jwtVerify(token, keys.key, { ...checks, algorithms: keys.algorithms })
        : await jwtVerify(token, keys.key, { ...checks, algorithms: keys.algorithms });
    return verified.payload;
  };
}

/** Why a token was refused, naming the check (never the token's values). */
function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss')
      return 'The token was not issued by this graph’s identity provider (iss).';
    if (error.claim === 'aud') return 'The token is not meant for this graph (aud).';
    return `The token's ${error.claim} claim is missing or not valid.`;
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'The token is signed with a key the identity provider does not publish.';
  return 'The token is not valid.';
}

/**
 * Who calls a surface: the public surface needs no token; the others need a valid, unexpired
 * token (401 UNAUTHENTICATED) of a level the surface serves (403 FORBIDDEN otherwise).
 */
export async function authenticate(
  verify: Verify,
  surface: Surface,
  authorization: string | undefined,
): Promise<Caller> {
  if (surface === 'public') return PUBLIC_CALLER;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token)
    throw new UnauthenticatedError('This surface needs a token: Authorization: Bearer <JWT>.');
  let payload: Record<string, unknown>;
  try {
    payload = await verify(token);
  } catch (error) {
    throw new UnauthenticatedError(refusal(error));
  }
  const claims = tokenClaimsSchema.safeParse(payload);
  if (!claims.success) {
    throw new UnauthenticatedError(
      `The token's claims are not valid: ${claimsFault(claims.error)}.`,
    );
  }
  if (!SURFACE_LEVELS[surface].includes(claims.data.level)) {
    throw new ForbiddenError(`A ${claims.data.level} token cannot use the ${surface} surface.`);
  }
  return {
    subject: claims.data.sub,
    level: claims.data.level,
    division: claims.data.division,
    roles: claims.data.roles,
    surface,
    homeId: claims.data.homeId,
    memberId: claims.data.memberId,
    departmentId: claims.data.departmentId,
  };
}
