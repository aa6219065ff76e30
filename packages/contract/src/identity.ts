import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import type { Caller } from './caller';
import { SURFACES } from './surfaces';

/**
 * How the gateway tells a subgraph who is calling: a short-lived token it signs with a secret
 * only it and the subgraphs hold (INTERNAL_AUTH_SECRET), in this header. No client can forge it;
 * a subgraph called without a valid one answers 401.
 */
export const CALLER_HEADER = 'x-cppcc-caller';
const ISSUER = 'cppcc-gateway';
const AUDIENCE = 'cppcc-subgraphs';
/** Long enough for the slowest request's last subgraph fetch, short enough to be useless if leaked. */
const LIFETIME_SECONDS = 120;

export const CALLER_LEVELS = ['CITY', 'COUNTY', 'HOME', 'DEPARTMENT', 'PUBLIC'] as const;
export const ROLES = ['STAFF', 'ANALYST', 'MEMBER', 'HOME_LEADER', 'DEPARTMENT', 'ADMIN'] as const;

export const callerSchema = z.object({
  subject: z.string().min(1),
  level: z.enum(CALLER_LEVELS),
  division: z.string().regex(/^(\d{4}(\d{2}(\d{3}(\d{3})?)?)?)?$/),
  roles: z.array(z.enum(ROLES)),
  surface: z.enum(SURFACES),
  homeId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
});

/**
 * The claims of a caller's token, people's and systems' alike (docs/departments.md, the claim
 * mapping), checked by the gateway on every request and by `npm run token` before it signs: `sub` is the caller's id (a client's `client_id` in a client-credentials token,
 * RFC 9068), `level`, `division`, `roles` (RFC 9068's name) and the home, member or department.
 * Each refusal names the claim at fault, never its value.
 */
export const tokenClaimsSchema = z
  .object({
    sub: z.string().min(1),
    level: z.enum(CALLER_LEVELS).exclude(['PUBLIC']),
    division: z.string().regex(/^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/, 'not a division code'),
    roles: z.array(z.enum(ROLES)).default([]),
    homeId: z.uuid().optional(),
    memberId: z.uuid().optional(),
    departmentId: z.uuid().optional(),
  })
  .refine((claims) => claims.level !== 'CITY' || claims.division.length === 4, {
    message: 'a CITY token names a city (4 digits)',
    path: ['division'],
  })
  .refine((claims) => claims.level !== 'COUNTY' || claims.division.length === 6, {
    message: 'a COUNTY token names a county (6 digits)',
    path: ['division'],
  })
  .refine((claims) => claims.level !== 'HOME' || claims.homeId, {
    message: 'a HOME token names its home (a UUID)',
    path: ['homeId'],
  })
  .refine((claims) => claims.level !== 'HOME' || claims.division.length >= 9, {
    message: 'a HOME token names its township or village (9 or 12 digits)',
    path: ['division'],
  })
  .refine((claims) => claims.level !== 'DEPARTMENT' || claims.departmentId, {
    message: 'a DEPARTMENT token names its department (a UUID)',
    path: ['departmentId'],
  })
  .refine((claims) => claims.level !== 'DEPARTMENT' || [4, 6].includes(claims.division.length), {
    message: "a DEPARTMENT token names its department's city or county (4 or 6 digits)",
    path: ['division'],
  });

export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** The first fault of a token's claims: the claim's name and the rule, never its value. */
export function claimsFault(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'claims'}: ${issue?.message}`;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signCallerToken(caller: Caller, secret: string): Promise<string> {
  return new SignJWT({ caller })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key(secret));
}

/** The caller the gateway vouches for, or null when the token is missing, forged or expired. */
export async function verifyCallerToken(
  token: string | undefined,
  secret: string,
): Promise<Caller | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const parsed = callerSchema.safeParse(payload.caller);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
