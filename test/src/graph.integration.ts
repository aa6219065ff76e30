import { channelsSubgraph } from '@cppcc/channels';
import { createLogger, startSubgraph } from '@cppcc/toolkit';
import { TEST_INTERNAL_AUTH_SECRET } from '@cppcc/toolkit/testing';
import { ask, data, startStack, tokenFor, type Stack } from './support/stack';

let stack: Stack;
let cityToken: string;
beforeAll(async () => {
  stack = await startStack('graph');
  cityToken = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
});
afterAll(() => stack?.stop());

describe('the federated graph through the gateway', () => {
  it('answers 海州区 with its 25 township-level children, and the city with 7 county-level units', async () => {
    const answer = await data(
      stack,
      'city',
      cityToken,
      `{
      division(code: "320706") { name children(first: 100) { totalCount } }
      divisions(parentCode: "3207") { totalCount }
    }`,
    );
    expect(answer).toEqual({
      division: { name: '海州区', children: { totalCount: 25 } },
      divisions: { totalCount: 7 },
    });
  });

  it('joins a home of the organization with its sessions, cadence and demands in one request', async () => {
    const created = await data(
      stack,
      'city',
      cityToken,
      `mutation($input: CreateHomeInput!) { createHome(input: $input) { id } }`,
      {
        input: { name: '新浦街道政协市民协商民主之家', divisionCode: '320706010' },
      },
    );
    const homeId = created.createHome.id;
    // Deliberation and channels have no write API yet (their issues add it): record directly.
    await stack.subgraphs.deliberation.orm.em.getConnection().execute(
      `insert into session (id, home_id, division_code, title, kind, status, scheduled_at, held_at)
       values (gen_random_uuid(), ?, '320706010', '老旧小区加装电梯协商议事会', 'COUNCIL', 'HELD', '2026-08-10T09:00:00+08:00', '2026-08-10T09:00:00+08:00')`,
      [homeId],
    );
    await stack.subgraphs.channels.orm.em.getConnection().execute(
      `insert into demand (id, home_id, division_code, category, content, status, received_at)
       values (gen_random_uuid(), ?, '320706010', 'INFRASTRUCTURE', '小区加装电梯', 'ON_AGENDA', '2026-07-20T10:00:00+08:00')`,
      [homeId],
    );

    const answer = await data(
      stack,
      'city',
      cityToken,
      `query($id: ID!) { home(id: $id) {
        name kind division { name parent { name } }
        sessions(first: 5) { totalCount edges { node { title status home { name } } } }
        q3: cadence(year: 2026, quarter: 3) { held required compliant }
        q4: cadence(year: 2026, quarter: 4) { held compliant }
        demands { totalCount edges { node { content category home { division { name } } } } }
      } }`,
      { id: homeId },
    );
    const home = answer.home;
    expect(home).toMatchObject({
      name: '新浦街道政协市民协商民主之家',
      kind: 'CITIZEN',
      division: { parent: { name: '海州区' } },
    });
    expect(home.sessions.totalCount).toBe(1);
    expect(home.sessions.edges[0].node).toEqual({
      title: '老旧小区加装电梯协商议事会',
      status: 'HELD',
      home: { name: home.name },
    });
    expect(home.q3).toEqual({ held: 1, required: 1, compliant: true });
    expect(home.q4).toEqual({ held: 0, compliant: false });
    expect(home.demands.totalCount).toBe(1);
    expect(home.demands.edges[0].node.home.division.name).toBe(home.division.name);
  });

  it('passes a subgraph error code and its field through, and masks internals', async () => {
    const response = await ask(
      stack,
      'city',
      cityToken,
      `mutation { createHome(input: { name: "海州区之家", divisionCode: "320706" }) { id } }`,
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.divisionCode',
    });
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|select |postgres|127\.0\.0\.1/i);
  });

  it('says it is alive and ready', async () => {
    expect((await fetch(`${stack.gateway.origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${stack.gateway.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      subgraphs: { organization: 'ready', deliberation: 'ready', channels: 'ready' },
    });
  });

  it('serves no landing page from a CDN', async () => {
    const response = await fetch(`${stack.gateway.origin}/graphql/public`, {
      headers: { accept: 'text/html' },
    });
    expect(await response.text()).not.toMatch(/cdn|apollo-server-landing-page|embeddable-sandbox/i);
  });

  it('answers with the other subgraphs’ data and a named error while one is down, and is not ready', async () => {
    await stack.subgraphs.channels.stop();
    const started = Date.now();
    const response = await ask(
      stack,
      'city',
      cityToken,
      `{ homes(first: 1) { totalCount edges { node { name demands { totalCount } } } } divisions(parentCode: "3207") { totalCount } }`,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(response.data?.divisions.totalCount).toBe(7);
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('channels service is unavailable'),
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'channels' },
    });
    expect(response.data?.homes.edges[0].node).toEqual({
      name: '新浦街道政协市民协商民主之家',
      demands: null,
    });
    const ready = await fetch(`${stack.gateway.origin}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      subgraphs: { channels: 'unreachable', organization: 'ready' },
    });
  });

  it('recovers when the subgraph is back, without a restart of the gateway', async () => {
    const port = new URL(stack.subgraphs.channels.url).port;
    stack.subgraphs.channels = await startSubgraph(channelsSubgraph, {
      databaseUrl: stack.database.url,
      internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
      port: Number(port),
      host: '127.0.0.1',
      logger: createLogger('channels', 'silent'),
      organizationUrl: stack.subgraphs.organization.url,
      deliberationUrl: stack.subgraphs.deliberation.url,
    });
    expect((await fetch(`${stack.gateway.origin}/readyz`)).status).toBe(200);
    const answer = await data(
      stack,
      'city',
      cityToken,
      `{ homes(first: 1) { edges { node { demands { totalCount } } } } }`,
    );
    expect(answer.homes.edges[0].node.demands.totalCount).toBe(1);
  });
});
