import { ask, startStack, tokenFor, type Stack } from './support/stack';

/** The hardened edge: limits per surface, clear errors, request ids, rate limits. */
let stack: Stack;
let city: string;
let home: string;
beforeAll(async () => {
  stack = await startStack('edge', { rateLimitScale: 0.05 });
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  home = await tokenFor({
    level: 'HOME',
    division: '320706001',
    homeId: '6a1f5e0c-1c1d-4c43-9a56-0e1f2a3b4c5d',
  });
});
afterAll(() => stack?.stop());

const post = (surface: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.gateway.origin}/graphql/${surface}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the limits of a surface', () => {
  it('refuse a query nested deeper than the surface allows', async () => {
    const deep = `{ division(code: "320706") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
    const response = await ask(stack, 'public', null, deep);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/depth/i),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    // The document parsed: the limit is no syntax error.
    expect(response.errors?.[0].message).not.toMatch(/syntax/i);
  });

  it('refuse more aliases than the surface allows', async () => {
    const aliases = Array.from(
      { length: 16 },
      (_, i) => `a${i}: division(code: "3207") { name }`,
    ).join(' ');
    const response = await ask(stack, 'public', null, `{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/aliases/i);
  });

  it('refuse an operation whose lists multiply past the surface’s cost, counting `first` from variables', async () => {
    const query = `query($first: Int) { divisions(first: $first) { edges { node { children(first: 100) { edges { node { name } } } } } } }`;
    const refused = await ask(stack, 'public', null, query, { first: 100 });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: 10_100, limit: 2_000 },
    });
    const small = await ask(stack, 'public', null, query, { first: 10 });
    expect(small.errors).toBeUndefined();
    const costly = `{ homes(first: 100) { edges { node { members { member { committees { committee { name } } } } } } } }`;
    expect((await ask(stack, 'home', home, costly)).errors?.[0].extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect((await ask(stack, 'city', city, costly)).errors).toBeUndefined();
  });

  it('stop parsing a document longer than the surface allows', async () => {
    const fields = Array.from({ length: 1_200 }, () => 'name').join(' ');
    const response = await ask(stack, 'public', null, `{ division(code: "3207") { ${fields} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuse an oversized body, and unreadable JSON, with a GraphQL-shaped error and no stack', async () => {
    const oversized = await post('public', {
      query: `{ viewer { level } }`,
      variables: { padding: 'x'.repeat(20_000) },
    });
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toEqual({
      errors: [
        { message: expect.stringMatching(/too large/), extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    const garbled = await post('public', '{"query": ');
    expect(garbled.status).toBe(400);
    const text = await garbled.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('take batches of up to 10 operations from staff and none from the public', async () => {
    const operation = { query: '{ viewer { level } }' };
    const batch = await post('city', [operation, operation], { authorization: `Bearer ${city}` });
    expect(batch.status).toBe(200);
    expect(await batch.json()).toEqual([
      { data: { viewer: { level: 'CITY' } } },
      { data: { viewer: { level: 'CITY' } } },
    ]);
    expect(
      (await post('city', Array(11).fill(operation), { authorization: `Bearer ${city}` })).status,
    ).toBe(400);
    expect((await post('public', [operation, operation])).status).toBe(400);
  });
});

describe('each request', () => {
  it('carries an id back to the client, the client’s own when it sends a usable one', async () => {
    const mine = await post(
      'public',
      { query: '{ viewer { level } }' },
      { 'x-request-id': 'clerk-7f3a' },
    );
    expect(mine.headers.get('x-request-id')).toBe('clerk-7f3a');
    const fresh = await post(
      'public',
      { query: '{ viewer { level } }' },
      { 'x-request-id': 'bad id with spaces' },
    );
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is limited per caller, per IP on the public surface, with a clear 429', async () => {
    // The test stack runs at 5% of the limits: 30 a minute for staff, 6 for the public.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push((await post('public', { query: '{ viewer { level } }' })).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    const limited = await post('public', { query: '{ viewer { level } }' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'RATE_LIMITED' } }],
    });
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // Another caller is not affected by the public's limit.
    expect(
      (await post('city', { query: '{ viewer { level } }' }, { authorization: `Bearer ${city}` }))
        .status,
    ).toBe(200);
  });
});
