import { createLogger } from '@cppcc/toolkit';
import { CITY_STAFF, subgraphClient } from '@cppcc/toolkit/testing';
import { Writable } from 'node:stream';
import { ask, startStack, tokenFor, type Stack } from './support/stack';

/**
 * Mistaken and hostile input (issue 11, observations 1 and 2): a bad value is BAD_USER_INPUT
 * naming the argument's path, never an internal error, never echoed, never logged as a fault.
 */
let stack: Stack;
let city: string;
let homeId: string;
/** Every line the stack's processes logged, parsed. */
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  stack = await startStack('hostile-input', {
    demo: true,
    logger: createLogger('e2e', 'info', sink),
  });
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  homeId = stack.demo!.organization.homes[0].id;
});
afterAll(() => stack?.stop());

/** A value no log line may carry. */
const MARK = 'wrong-field-13812345678';

const refusal = (field: string) => ({
  errors: [
    expect.objectContaining({
      message: expect.not.stringContaining(MARK),
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
    }),
  ],
});

describe('a value of the wrong shape', () => {
  it.each([
    [
      'sessionStats(from:) an impossible date',
      `{ division(code: "3207") { sessionStats(from: "2025-02-30", to: "2025-03-01") { held } } }`,
      {},
      'from',
    ],
    [
      'sessionReport(filter.from) a month 13, as a variable',
      `query($f: SessionReportFilter) { sessionReport(filter: $f, groupBy: [COUNTY]) { totalGroups } }`,
      { f: { from: '2025-13-01', to: '2025-12-31' } },
      'filter.from',
    ],
    [
      'demands(from:) a word',
      `query($d: DateTime) { demands(from: $d) { totalCount } }`,
      { d: 'yesterday' },
      'from',
    ],
    [
      'recordSessionHeld(heldAt:) not a date-time',
      `mutation($at: DateTime!) { recordSessionHeld(heldAt: $at, input: { sessionId: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}", expectedVersion: 1 }) { id } }`,
      { at: MARK },
      'heldAt',
    ],
    ['home(id:) not a UUID', `{ home(id: "not-a-uuid") { id } }`, {}, 'id'],
    ['session(id:) not a UUID', `{ session(id: "x") { id } }`, {}, 'id'],
    ['demand(id:) not a UUID', `{ demand(id: "x") { id } }`, {}, 'id'],
    ['proposal(id:) not a UUID', `{ proposal(id: "x") { id } }`, {}, 'id'],
    [
      'homes(filter.nameContains) a NUL character',
      `query($n: String) { homes(filter: { nameContains: $n }) { totalCount } }`,
      { n: '3207\u0000' },
      'filter.nameContains',
    ],
    [
      'createHome(input.divisionCode) an emoji',
      `mutation($i: CreateHomeInput!) { createHome(input: $i) { id } }`,
      { i: { name: 'x', divisionCode: '3207😀' } },
      'input.divisionCode',
    ],
    [
      'createHome(input.name) 20,001 characters',
      `mutation($i: CreateHomeInput!) { createHome(input: $i) { id } }`,
      { i: { name: 'x'.repeat(20_001), divisionCode: '320706001' } },
      'input.name',
    ],
  ])(
    '%s: BAD_USER_INPUT with the path, 400, the value neither echoed nor logged',
    async (_name, query, variables, field) => {
      const before = lines.length;
      const response = await ask(stack, 'city', city, query, variables);
      expect(response).toMatchObject(refusal(field));
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.errors)).not.toContain(MARK);
      const logged = lines.slice(before);
      expect(logged.filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect(JSON.stringify(logged)).not.toContain(MARK);
      expect(logged).toContainEqual(
        expect.objectContaining({ level: 30, msg: 'input refused', code: 'BAD_USER_INPUT', field }),
      );
    },
  );

  it.each([
    [
      'closeDemand(input) a field its type does not define (a stale name)',
      `mutation($input: DemandStepInput!) { closeDemand(input: $input, note: "x") { id } }`,
      { input: { demandId: `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, version: MARK } },
      'input.version',
    ],
    [
      'createHome(input) its required name left out (the path is the variable’s)',
      `mutation($input: CreateHomeInput!) { createHome(input: $input) { id } }`,
      { input: { divisionCode: MARK } },
      'input.name',
    ],
  ])(
    '%s: BAD_USER_INPUT naming the field, 400, the value neither echoed nor logged',
    async (_name, query, variables, field) => {
      const before = lines.length;
      const response = await ask(stack, 'city', city, query, variables);
      expect(response).toMatchObject(refusal(field));
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.errors)).not.toContain(MARK);
      const logged = lines.slice(before);
      expect(logged.filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect(JSON.stringify(logged)).not.toContain(MARK);
    },
  );

  it('an operationName that names no operation of the document: 400, the name neither echoed nor logged', async () => {
    const post = (body: Record<string, unknown>) =>
      fetch(`${stack.gateway.origin}/graphql/city`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${city}` },
        body: JSON.stringify(body),
      });
    for (const body of [
      { query: '{ viewer { level } }', operationName: `X${MARK.replace(/-/g, '_')}` },
      { query: 'query A { viewer { level } } query B { viewer { division { code } } }' },
    ]) {
      const before = lines.length;
      const response = await post(body);
      const answer = (await response.json()) as { errors: Array<Record<string, any>> };
      expect(response.status).toBe(400);
      expect(answer.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }),
      ]);
      const logged = lines.slice(before);
      expect(logged.filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect(JSON.stringify([answer, logged])).not.toContain('13812345678');
    }
  });

  it('a literal of the wrong type in the query: refused without repeating it (a phone number in an Int)', async () => {
    for (const query of [
      `{ division(code: "3207") { sessionStats(year: 13812345678) { held } } }`,
      `{ division(code: "3207") { sessionStats(year: "13812345678") { held } } }`,
      `{ homes(filter: { nameContains: 13812345678 }) { totalCount } }`,
      `{ homes(filter: "13812345678") { totalCount } }`,
      `{ sessions(kind: X13812345678) { totalCount } }`,
      `{ sessions(from: "13812345678") { totalCount } }`,
    ]) {
      const response = await ask(stack, 'city', city, query);
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(
        response.errors?.[0].extensions?.code,
      );
      expect(JSON.stringify(response.errors)).not.toContain('13812345678');
    }
  });

  it('the public surface’s registered PublicHomeCadence with an id that is not a UUID, anonymously', async () => {
    const body = {
      operationName: 'PublicHomeCadence',
      query: `query PublicHomeCadence($id: ID!, $year: Int!, $quarter: Int!) { home(id: $id) { id name cadence(year: $year, quarter: $quarter) { held required compliant } } }`,
      variables: { id: 'not-a-uuid', year: 2026, quarter: 1 },
    };
    const response = await fetch(`${stack.gateway.origin}/graphql/public`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject(refusal('id'));
  });

  it('a CSV export with an impossible date: 400 BAD_USER_INPUT, not 500', async () => {
    const url = new URL(`${stack.gateway.origin}/graphql/city/export.csv`);
    url.searchParams.set(
      'query',
      `query($f: SessionReportFilter) { sessionReport(filter: $f, groupBy: [COUNTY]) { rows { sessions } } }`,
    );
    url.searchParams.set('variables', JSON.stringify({ f: { from: '2025-02-30' } }));
    const response = await fetch(url, { headers: { authorization: `Bearer ${city}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject(refusal('filter.from'));
  });

  it('a real id and well-formed values still work', async () => {
    const response = await ask(stack, 'city', city, `query($id: ID!) { home(id: $id) { id } }`, {
      id: homeId,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.home?.id).toBe(homeId);
  });
});

describe('each subgraph checks its own arguments, in one place (the toolkit), before SQL', () => {
  it.each([
    ['organization', `{ home(id: "not-a-uuid") { id } }`, 'id'],
    [
      'organization',
      `query($n: String) { homes(filter: { nameContains: $n }) { totalCount } }`,
      'filter.nameContains',
    ],
    ['deliberation', `{ session(id: "x") { id } }`, 'id'],
    ['channels', `query($h: ID) { demands(homeId: $h) { totalCount } }`, 'homeId'],
    ['channels', `query($d: String) { demands(divisionCode: $d) { totalCount } }`, 'divisionCode'],
  ] as const)('%s: %s', async (name, query, field) => {
    const client = subgraphClient(stack.subgraphs[name].url, CITY_STAFF);
    const response = await client.send(query, {
      n: '3207\u0000',
      h: 'not-a-uuid',
      d: '3207\u0000',
    });
    expect(response).toMatchObject(refusal(field));
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });

  it('an entity key that is not a UUID names nothing: null, as for any unknown key', async () => {
    const client = subgraphClient(stack.subgraphs.organization.url, CITY_STAFF);
    const answer = await client.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Home { id } } }`,
      {
        r: [
          { __typename: 'Home', id: 'not-a-uuid' },
          { __typename: 'Home', id: homeId },
        ],
      },
    );
    expect(answer._entities).toEqual([null, { id: homeId }]);
  });
});

describe('the cost limit cannot be walked around (observation 3)', () => {
  const post = (surface: string, body: unknown, token: string | null = city) =>
    fetch(`${stack.gateway.origin}/graphql/${surface}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const heavy = `proposals(first: 100) { edges { node { coSigners { homes { home { members { member { name } } } } } } } }`;

  it('a negative `first` is refused before anything runs, and lowers no sum', async () => {
    const alone = await ask(stack, 'city', city, `{ homes(first: -1) { totalCount } }`);
    expect(alone.status).toBe(400);
    expect(alone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const refused = await ask(stack, 'city', city, `{ ${heavy} }`);
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const walked = await ask(
      stack,
      'city',
      city,
      `{ ${heavy} b: homes(first: -1000000) { totalCount } }`,
    );
    expect(walked.status).toBe(400);
    expect(walked.data ?? null).toBeNull();
  });

  it('selections in a fragment on a union member count, the union at its most expensive member', async () => {
    const refused = await ask(
      stack,
      'city',
      city,
      `{ demands(first: 100) { edges { node { escalations { ... on Proposal { coSigners { homes { home { members { member { name } } } } } } } } } } }`,
    );
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const spread = await ask(
      stack,
      'city',
      city,
      `{ demands(first: 100) { edges { node { escalations { ...P } } } } } fragment P on Proposal { coSigners { homes { home { members { member { name } } } } } }`,
    );
    expect(spread.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('introspection costs the schema it returns: one is fine, thirty aliased copies are not', async () => {
    const one = await ask(stack, 'public', null, `{ __schema { types { name fields { name } } } }`);
    expect(one.errors).toBeUndefined();
    const copies = Array.from(
      { length: 30 },
      (_, i) => `s${i}: __schema { types { name fields { name args { name } } } }`,
    ).join(' ');
    const refused = await ask(stack, 'city', city, `{ ${copies} }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a batch is bounded by the sum of its operations', async () => {
    const operation = {
      query: `{ homes(first: 100) { edges { node { members { member { committees { committee { name } } } } } } } }`,
    };
    const single = (await (await post('city', operation)).json()) as { errors?: unknown };
    expect(single.errors).toBeUndefined();
    const answers = (await (
      await post(
        'city',
        Array.from({ length: 10 }, () => operation),
      )
    ).json()) as Array<{
      errors?: Array<{ extensions?: Record<string, unknown> }>;
    }>;
    const refused = answers.filter(
      (answer) => answer.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED',
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(answers.length - refused.length).toBeLessThanOrEqual(2);
  });
});

describe('an alias named like an entity key (observation 5)', () => {
  it.each([
    [
      'homes: id: name beside a field of another subgraph',
      `{ homes(first: 3) { edges { node { realId: id id: name cadence(year: 2026, quarter: 3) { held } } } } }`,
      'id',
    ],
    [
      'division: code: parentCode',
      `{ division(code: "320706001") { code: parentCode sessionStats(year: 2025) { held } } }`,
      'code',
    ],
    [
      '__typename: name',
      `{ homes(first: 3) { edges { node { __typename: name } } } }`,
      '__typename',
    ],
    [
      'in a fragment',
      `{ homes(first: 3) { edges { node { ...H } } } } fragment H on Home { id: name }`,
      'id',
    ],
  ])('%s: refused while validated, with what to do instead', async (_name, query, alias) => {
    const response = await ask(stack, 'city', city, query);
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`alias "${alias}"`),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('other aliases answer what they name, across subgraphs', async () => {
    const answer = await ask(
      stack,
      'city',
      city,
      `{ homes(first: 3) { edges { node { homeId: id homeName: name cadence(year: 2026, quarter: 3) { held } } } }
         division(code: "320706001") { own: code above: parentCode sessionStats(year: 2025) { held } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const homes = stack.demo!.organization.homes;
    for (const { node } of answer.data!.homes.edges as Array<{
      node: { homeId: string; homeName: string };
    }>)
      expect(node.homeName).toBe(homes.find((home) => home.id === node.homeId)!.name);
    expect(answer.data!.division).toMatchObject({ own: '320706001', above: '320706' });
  });
});
