/**
 * `npm start`'s identity provider for departments' systems, when the operator configured none
 * (no AUTH_JWKS_URL or AUTH_PUBLIC_KEY, not in production mode): a client per department of the
 * database, registered as an operator would register a department's system, on loopback only.
 * The clients' secrets are for this machine: derived from the development secret, listed in
 * `.data/department-clients.tsv` (readable by the owner only).
 */
import { openDatabase, type Logger } from '@cppcc/toolkit';
import { organizationSubgraph } from '@cppcc/organization';
import { exportJWK, generateKeyPair } from 'jose';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPO_ROOT } from '../schema-pipeline';
import type { IdentityClient, IdentityProviderOptions } from './provider';

/** Where the development provider's options (clients, signing keys) and the clients' list live. */
export const DEV_IDENTITY_FILES = {
  options: resolve(REPO_ROOT, '.data/identity-provider.json'),
  clients: resolve(REPO_ROOT, '.data/department-clients.tsv'),
};

/** The audience (resource indicator) of the graph's access tokens in development. */
export const DEV_GRAPH_AUDIENCE = 'urn:cppcc:graph';

/** Whether `npm start` runs the development provider: nothing configured, not production. */
export function wantsDevIdentityProvider(env: Record<string, string | undefined>): boolean {
  return (
    env.NODE_ENV !== 'production' &&
    env.DEV_IDENTITY_PROVIDER !== 'false' &&
    !env.AUTH_JWKS_URL &&
    !env.AUTH_PUBLIC_KEY
  );
}

export interface DevIdentityProvider {
  issuer: string;
  /** What the gateway is given to verify the provider's tokens. */
  gatewayEnv: Record<string, string>;
}

/** A department as the provider registers it: from the organization's `department` table. */
export interface DepartmentRecord {
  id: string;
  name: string;
  division_code: string;
}

export type DepartmentClient = IdentityClient & { name: string };

/**
 * A client per department, as an operator registers a department's system: `department-<id>`,
 * the client credentials grant, the department and its role as the claims of its tokens; its
 * secret an HMAC of the id under the development secret, so it stays the same across restarts.
 */
export function departmentClients(
  departments: DepartmentRecord[],
  devSecret: string,
): DepartmentClient[] {
  return departments.map((department) => {
    const clientId = `department-${department.id}`;
    return {
      clientId,
      clientSecret: createHmac('sha256', devSecret).update(clientId).digest('base64url'),
      name: department.name,
      claims: {
        level: 'DEPARTMENT',
        division: department.division_code,
        departmentId: department.id,
        roles: ['DEPARTMENT'],
      },
    };
  });
}

/** The clients' list for the developer: a header, then one tab-separated line per department. */
export function writeClientsTable(file: string, clients: DepartmentClient[]): void {
  const columns = ['client_id', 'client_secret', 'department_id', 'division', 'name'];
  const rows = clients.map((client) =>
    [
      client.clientId,
      client.clientSecret,
      client.claims!.departmentId,
      client.claims!.division,
      client.name,
    ].join('\t'),
  );
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${[columns.join('\t'), ...rows].join('\n')}\n`, { mode: 0o600 });
}

/**
 * Writes the development provider's options (a client per department of the database; the
 * signing keys kept from the last run, so tokens issued stay valid, or a new one) and the
 * clients' list.
 */
export async function prepareDevIdentityProvider(
  databaseUrl: string,
  port: number,
  devSecret: string,
  logger: Logger,
): Promise<DevIdentityProvider> {
  const orm = await openDatabase(organizationSubgraph.database, databaseUrl, {}, logger);
  let departments: DepartmentRecord[];
  try {
    departments = await orm.em
      .getConnection()
      .execute('select id, name, division_code from department order by division_code, name');
  } finally {
    await orm.close();
  }
  const clients = departmentClients(departments, devSecret);
  let keys: IdentityProviderOptions['keys'];
  if (existsSync(DEV_IDENTITY_FILES.options)) {
    keys = (JSON.parse(readFileSync(DEV_IDENTITY_FILES.options, 'utf8')) as IdentityProviderOptions)
      .keys;
  }
  if (!keys?.length) {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    keys = [{ ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' }];
  }
  const options: IdentityProviderOptions = {
    port,
    audiences: [DEV_GRAPH_AUDIENCE],
    keys,
    clients: clients.map(({ name: _name, ...client }) => client),
  };
  mkdirSync(dirname(DEV_IDENTITY_FILES.options), { recursive: true });
  writeFileSync(DEV_IDENTITY_FILES.options, `${JSON.stringify(options, null, 2)}\n`, {
    mode: 0o600,
  });
  writeClientsTable(DEV_IDENTITY_FILES.clients, clients);
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    gatewayEnv: {
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_JWT_ISSUER: issuer,
      AUTH_JWT_AUDIENCE: DEV_GRAPH_AUDIENCE,
    },
  };
}
