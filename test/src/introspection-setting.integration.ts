import { startStack, tokenFor, type Stack } from './support/stack';

// Which surfaces answer introspection and serve the explorer is the operator's explicit setting
// (INTROSPECTION_SURFACES, EXPLORER_SURFACES), never a side effect of NODE_ENV=production, which
// the images set and which Apollo Server reads to turn introspection off.
let stack: Stack;
const nodeEnv = process.env.NODE_ENV;
beforeAll(async () => {
  process.env.NODE_ENV = 'production';
  stack = await startStack('introspection-setting', {
    env: { INTROSPECTION_SURFACES: 'city,county', EXPLORER_SURFACES: 'city' },
  });
});
afterAll(async () => {
  await stack?.stop();
  process.env.NODE_ENV = nodeEnv;
});

async function introspect(surface: string, token?: string) {
  const response = await fetch(`${stack.gateway.origin}/graphql/${surface}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
  });
  return (await response.json()) as {
    data?: { __schema: { queryType: { name: string } } };
    errors?: Array<{ extensions?: { code?: string } }>;
  };
}

describe('introspection and the explorer, per surface', () => {
  it('answers introspection on the surfaces the setting names, although NODE_ENV is production', async () => {
    const token = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
    expect((await introspect('city', token)).data?.__schema.queryType.name).toBe('Query');
    expect((await introspect('county', token)).data?.__schema.queryType.name).toBe('Query');
  });

  it('refuses introspection on the others as a validation error', async () => {
    const answer = await introspect('public');
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves the explorer only where the setting says', async () => {
    const page = (surface: string) =>
      fetch(`${stack.gateway.origin}/graphql/${surface}`, { headers: { accept: 'text/html' } });
    expect(await (await page('city')).text()).toContain('id="explorer"');
    expect(await (await page('public')).text()).not.toContain('id="explorer"');
  });
});
