/** The bench's requests: each query's variants as HTTP bodies with their caller's token. */
import { SignJWT } from 'jose';
import type { PreparedRequest } from './load';
import type { BenchQuery, Claims, Variant } from './queries';

export const bodyOf = (query: BenchQuery, variant: Variant): string =>
  JSON.stringify({ query: query.query, variables: variant.variables });

/**
 * Prepares a query's variants as requests, each with a token for its claims signed with the
 * gateway's `AUTH_JWT_SECRET` (HS256, 12 h), one token per distinct caller.
 */
export function requestPreparer(
  jwtSecret: string,
): (query: BenchQuery, variants: Variant[]) => Promise<PreparedRequest[]> {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (claims: Claims): Promise<string> => {
    const key = JSON.stringify(claims);
    let token = tokens.get(key);
    if (!token) {
      const { level, division, roles, homeId, departmentId } = claims;
      token = new SignJWT({ level, division, roles, homeId, departmentId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(`bench:${level.toLowerCase()}:${homeId ?? departmentId ?? division}`)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(new TextEncoder().encode(jwtSecret));
      tokens.set(key, token);
    }
    return token;
  };
  return (query, variants) =>
    Promise.all(
      variants.map(async (variant) => ({
        body: bodyOf(query, variant),
        headers: { authorization: `Bearer ${await tokenOf(variant.claims)}` },
      })),
    );
}
