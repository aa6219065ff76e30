import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack } from './support/stack';

/** The public surface runs only the operations front ends registered (its default). */
let stack: Stack;
const manifest = JSON.parse(
  readFileSync(join(__dirname, '../../schema/trusted-documents.json'), 'utf8'),
) as {
  operations: Array<{ id: string; name: string; body: string }>;
};
const counties = manifest.operations.find((operation) => operation.name === 'PublicCounties')!;

beforeAll(async () => {
  stack = await startStack('trusted', { trustedOnly: 'public' });
});
afterAll(() => stack?.stop());

const post = (surface: string, body: unknown) =>
  fetch(`${stack.gateway.origin}/graphql/${surface}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('trusted documents on the public surface', () => {
  it('runs a registered operation named by its id', async () => {
    const response = await post('public', { documentId: `sha256:${counties.id}` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.divisions.totalCount).toBe(7);
  });

  it('runs it named the way Apollo Client’s persisted queries name it, by POST and by GET', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: counties.id } };
    expect(
      ((await (await post('public', { extensions })).json()) as any).data.divisions.totalCount,
    ).toBe(7);
    const get = await fetch(
      `${stack.gateway.origin}/graphql/public?extensions=${encodeURIComponent(JSON.stringify(extensions))}`,
    );
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data.divisions.totalCount).toBe(7);
  });

  it('accepts the registered text itself, byte for byte', async () => {
    const response = await post('public', { query: counties.body });
    expect(((await response.json()) as any).data.divisions.totalCount).toBe(7);
  });

  it('refuses any other operation, and an id nobody registered', async () => {
    const adhoc = await post('public', { query: '{ divisions { totalCount } }' });
    expect(adhoc.status).toBe(400);
    expect(((await adhoc.json()) as any).errors[0].extensions.code).toBe(
      'PERSISTED_QUERY_NOT_IN_LIST',
    );
    const unknown = await post('public', { documentId: 'sha256:' + '0'.repeat(64) });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });

  it('leaves the other surfaces open to ad-hoc operations of their callers', async () => {
    const response = await post('county', { query: '{ viewer { level } }' });
    expect(response.status).toBe(401);
  });
});
