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
