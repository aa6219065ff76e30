import 'reflect-metadata';
import { channelsSubgraph } from '@cppcc/channels';
import { deliberationSubgraph } from '@cppcc/deliberation';
import { loadConfig, startGateway, type RunningGateway } from '@cppcc/gateway';
import { organizationSubgraph } from '@cppcc/organization';
import { createLogger, startSubgraph, type StartedSubgraph } from '@cppcc/toolkit';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@cppcc/toolkit/testing';

/** The whole graph as a newcomer meets it: three subgraphs over HTTP behind the gateway. */
let database: TestDatabase;
let subgraphs: Record<string, StartedSubgraph>;
let gateway: RunningGateway;
const logger = createLogger('e2e', process.env.LOG_LEVEL ?? 'silent');

beforeAll(async () => {
  database = await createTestDatabase('graph');
  subgraphs = {};
  for (const subgraph of [organizationSubgraph, deliberationSubgraph, channelsSubgraph]) {
    subgraphs[subgraph.name] = await startSubgraph(subgraph, {
      databaseUrl: database.url,
      port: 0,
      host: '127.0.0.1',
      logger,
    });
  }
  gateway = await startGateway(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ORGANIZATION_URL: subgraphs.organization.url,
      DELIBERATION_URL: subgraphs.deliberation.url,
      CHANNELS_URL: subgraphs.channels.url,
      SUBGRAPH_TIMEOUT_MS: '2000',
    }),
    logger,
  );
});

afterAll(async () => {
  await gateway?.stop();
  for (const subgraph of Object.values(subgraphs ?? {})) await subgraph.stop();
  await database?.drop();
});

const query = (text: string, variables?: Record<string, unknown>) =>
  postGraphQL(gateway.url, text, variables);

describe('the federated graph through the gateway', () => {
  it('answers 海州区 with its 25 township-level children, and the city with 7 county-level units', async () => {
    const response = await query(`{
      division(code: "320706") { name children(first: 100) { totalCount } }
      divisions(parentCode: "3207") { totalCount }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      division: { name: '海州区', children: { totalCount: 25 } },
      divisions: { totalCount: 7 },
    });
  });

  it('joins a home of the organization with its sessions, cadence and demands in one request', async () => {
    const created = await query(
      `mutation($input: CreateHomeInput!) { createHome(input: $input) { id } }`,
      { input: { name: '新浦街道政协市民协商民主之家', divisionCode: '320706010' } },
    );
    expect(created.errors).toBeUndefined();
    const homeId = created.data!.createHome.id;
    // Deliberation and channels have no write API yet (their issues add it): record directly.
    await subgraphs.deliberation.orm.em.getConnection().execute(
      `insert into session (id, home_id, division_code, title, kind, status, scheduled_at, held_at)
       values (gen_random_uuid(), ?, '320706010', '老旧小区加装电梯协商议事会', 'COUNCIL', 'HELD', '2026-08-10T09:00:00+08:00', '2026-08-10T09:00:00+08:00')`,
      [homeId],
    );
    await subgraphs.channels.orm.em.getConnection().execute(
      `insert into demand (id, home_id, division_code, category, content, status, received_at)
       values (gen_random_uuid(), ?, '320706010', 'INFRASTRUCTURE', '小区加装电梯', 'ON_AGENDA', '2026-07-20T10:00:00+08:00')`,
      [homeId],
    );

    const response = await query(
      `query($id: ID!) { home(id: $id) {
        name kind division { name parent { name } }
        sessions(first: 5) { totalCount edges { node { title status home { name } } } }
        q3: cadence(year: 2026, quarter: 3) { held required compliant }
        q4: cadence(year: 2026, quarter: 4) { held compliant }
        demands { totalCount edges { node { content category home { division { name } } } } }
      } }`,
      { id: homeId },
    );
    expect(response.errors).toBeUndefined();
    const home = response.data!.home;
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
    const response = await query(
      `mutation { createHome(input: { name: "海州区之家", divisionCode: "320706" }) { id } }`,
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.divisionCode',
    });
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|select |postgres|127\.0\.0\.1/i);
  });

  it('says it is alive and ready', async () => {
    const base = gateway.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      subgraphs: { organization: 'ready', deliberation: 'ready', channels: 'ready' },
    });
  });

  it('serves no landing page from a CDN', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/cdn|apollo-server-landing-page|embeddable-sandbox/i);
  });

  it('is not ready while a subgraph is down, and says which', async () => {
    await subgraphs.channels.stop();
    const ready = await fetch(gateway.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      subgraphs: { channels: 'unreachable', organization: 'ready' },
    });
    delete subgraphs.channels;
  });
});
