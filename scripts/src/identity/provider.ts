/**
 * An OpenID provider for departments' systems on this machine: `oidc-provider` (a certified
 * implementation) with the OAuth 2.0 client credentials grant and resource indicators, so the
 * access token a department's client gets is a JWT (RFC 9068) for the graph's audience, signed
 * with keys published at its JWKS URL. Development (`npm start`) and the tests only: it listens
 * on loopback, keeps its clients in memory and never runs in production mode.
 */
import { generateKeyPair, exportJWK, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** The claims the graph maps to its caller (docs/departments.md): one vocabulary for every token. */
export const graphClaimsSchema = z.object({
  level: z.string(),
  division: z.string(),
  departmentId: z.string().optional(),
  roles: z.array(z.string()).default([]),
});

/** A department's system: its client, and the claims its tokens carry. */
export const identityClientSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(32),
  /** Absent: the client's tokens carry no graph claims (a client of another system). */
  claims: graphClaimsSchema.optional(),
  /** How long its access tokens live, in seconds (600 unless said). */
  accessTokenTtl: z.number().int().min(1).max(86_400).optional(),
});
export type IdentityClient = z.infer<typeof identityClientSchema>;

export const identityProviderOptionsSchema = z.object({
  /** 0 for any free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** The resource indicators (audiences) it issues tokens for; the first is the default. */
  audiences: z.array(z.string().min(1)).min(1),
  clients: z.array(identityClientSchema),
  /** Its signing keys (private JWKs, newest first); generated when absent. */
  keys: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type IdentityProviderOptions = z.input<typeof identityProviderOptionsSchema>;

export interface RunningIdentityProvider {
  /** `http://127.0.0.1:<port>`: the `iss` of its tokens. */
  issuer: string;
  jwksUrl: string;
  tokenUrl: string;
  /** The signing keys, newest first (private JWKs). */
  keys(): JWK[];
  /** Signs with a new key from now on and publishes it beside the old ones; its `kid`. */
  rotateKey(): Promise<string>;
  stop(): Promise<void>;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

export async function startIdentityProvider(
  input: IdentityProviderOptions,
): Promise<RunningIdentityProvider> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('the development identity provider does not run in production mode');
  }
  const options = identityProviderOptionsSchema.parse(input);
  // oidc-provider is an ES module: imported, never required.
  const { default: Provider, errors } = await import('oidc-provider');
  const keys = options.keys?.length ? (options.keys as unknown as JWK[]) : [await newSigningKey()];

  let listener: Listener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => listener(req, res));
  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const clientsById = new Map(options.clients.map((client) => [client.clientId, client]));
  const build = (): Listener => {
    const provider = new Provider(issuer, {
      clients: options.clients.map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      })),
      jwks: { keys: keys as never },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        introspection: { enabled: false },
        revocation: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => options.audiences[0],
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resourceIndicator, client) => {
            if (!options.audiences.includes(resourceIndicator)) {
              throw new errors.InvalidTarget('this provider issues no tokens for that resource');
            }
            return {
              scope: 'graph',
              audience: resourceIndicator,
              accessTokenFormat: 'jwt',
              accessTokenTTL: clientsById.get(client.clientId)?.accessTokenTtl ?? 600,
              jwt: { sign: { alg: 'RS256' } },
            };
          },
        },
      },
      // The department and its roles, as the operator registered them with the client.
      extraTokenClaims: (_ctx, token) => {
        const client = token.clientId ? clientsById.get(token.clientId) : undefined;
        return client?.claims ? { ...client.claims } : undefined;
      },
    });
    return provider.callback() as Listener;
  };
  listener = build();

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    tokenUrl: `${issuer}/token`,
    keys: () => [...keys],
    rotateKey: async () => {
      const key = await newSigningKey();
      keys.unshift(key);
      // The provider signs with the first key of its set: a new instance on the same server and
      // issuer, publishing the new key and the old ones (tokens already issued stay verifiable).
      listener = build();
      return key.kid!;
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
