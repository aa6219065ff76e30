import {
  CALLER_LEVELS,
  ForbiddenError,
  ROLES,
  SURFACE_LEVELS,
  UnauthenticatedError,
  type Caller,
  type Surface,
} from '@cppcc/contract';
import {
  createRemoteJWKSet,
  errors,
  importSPKI,
  jwtVerify,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { z } from 'zod';
import type { Config } from './config';

/** The claims of a caller's token (API.md, Identity). */
const claimsSchema = z
  .object({
    sub: z.string().min(1),
    level: z.enum(CALLER_LEVELS).exclude(['PUBLIC']),
    division: z.string().regex(/^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/),
    roles: z.array(z.enum(ROLES)).default([]),
    homeId: z.uuid().optional(),
    memberId: z.uuid().optional(),
    departmentId: z.uuid().optional(),
  })
  .refine(
    (claims) => claims.level !== 'CITY' || claims.division.length === 4,
    'a CITY token names a city (4 digits)',
  )
  .refine(
    (claims) => claims.level !== 'COUNTY' || claims.division.length === 6,
    'a COUNTY token names a county (6 digits)',
  )
  .refine(
    (claims) => claims.level !== 'HOME' || (claims.homeId && claims.division.length >= 9),
    'a HOME token names its home and its township or village',
  )
  .refine(
    (claims) => claims.level !== 'DEPARTMENT' || claims.departmentId,
    'a DEPARTMENT token names its department',
  );

export type Claims = z.infer<typeof claimsSchema>;

/** The public surface's caller: anyone, no token, no jurisdiction beyond what is public. */
export const PUBLIC_CALLER: Caller = {
  subject: 'public',
  level: 'PUBLIC',
  division: '',
  roles: [],
  surface: 'public',
};

type Verify = (token: string) => Promise<Record<string, unknown>>;

/** Verifies callers' tokens with whichever of the configured key sources is set. */
export async function createTokenVerifier(config: Config): Promise<Verify> {
  // The issuer and audience, when configured: a token another issuer signed, or one meant for
  // another system (same identity provider, same keys), is not a token for this graph.
  const options = {
    requiredClaims: ['exp', 'sub'],
    ...(config.AUTH_JWT_ISSUER ? { issuer: config.AUTH_JWT_ISSUER } : {}),
    ...(config.AUTH_JWT_AUDIENCE ? { audience: config.AUTH_JWT_AUDIENCE } : {}),
  };
  if (config.AUTH_JWKS_URL) {
    const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
    return async (token) =>
      (await jwtVerify(token, keys, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
  }
  if (config.AUTH_PUBLIC_KEY) {
    const key: KeyLike = await importSPKI(config.AUTH_PUBLIC_KEY, config.AUTH_JWT_ALGORITHM);
    return async (token) =>
      (await jwtVerify(token, key, { ...options, algorithms: [config.AUTH_JWT_ALGORITHM] }))
        .payload;
  }
  const secret = new TextEncoder().encode(config.AUTH_JWT_SECRET);
  return async (token) =>
    (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
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
    throw new UnauthenticatedError(
      error instanceof errors.JWTExpired ? 'The token has expired.' : 'The token is not valid.',
    );
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    throw new UnauthenticatedError(
      `The token's claims are not valid: ${claims.error.issues[0]?.message}.`,
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
