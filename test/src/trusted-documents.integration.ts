import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@cppcc/toolkit/testing';
import { data, startStack, tokenFor, type Stack } from './support/stack';

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

  it('shows the published activity of homes, and nothing unpublished or personal', async () => {
    const city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
    const home = (
      await data(
        stack,
        'city',
        city,
        `mutation { createHome(input: { name: "公开之家", divisionCode: "320706001" }) { id } }`,
      )
    ).createHome;
    const schedule = `mutation($homeId: ID!, $title: String!) { scheduleSession(input: { homeId: $homeId, title: $title, kind: COUNCIL, scheduledAt: "2026-10-10T09:00:00+08:00" }) { id } }`;
    // The home reaches deliberation through the organization's change feed.
    const published = await eventually(
      async () =>
        (await data(stack, 'city', city, schedule, { homeId: home.id, title: '公开的议事会' }))
          .scheduleSession,
    );
    const unpublished = (
      await data(stack, 'city', city, schedule, { homeId: home.id, title: '未公开的议事会' })
    ).scheduleSession;
    for (const session of [published, unpublished]) {
      await data(
        stack,
        'city',
        city,
        `mutation($id: ID!) { recordSessionHeld(input: { sessionId: $id }, heldAt: "2026-10-10T09:00:00+08:00") { id } }`,
        { id: session.id },
      );
    }
    const minutes = (
      await data(
        stack,
        'city',
        city,
        `mutation($id: ID!) { draftMinutes(input: { sessionId: $id, summary: "议定修缮村道", consensus: ["先修主干道"], disagreements: ["资金来源"] }) { id } }`,
        { id: published.id },
      )
    ).draftMinutes;
    await data(
      stack,
      'city',
      city,
      `mutation($id: ID!) { approveMinutes(input: { minutesId: $id }) { id } }`,
      { id: minutes.id },
    );
    await data(
      stack,
      'city',
      city,
      `mutation($id: ID!) { publishMinutes(input: { minutesId: $id }) { id } }`,
      { id: minutes.id },
    );

    const operation = manifest.operations.find(
      (candidate) => candidate.name === 'PublicPublishedSessions',
    )!;
    const response = (await (
      await post('public', { documentId: `sha256:${operation.id}` })
    ).json()) as any;
    expect(response.errors).toBeUndefined();
    expect(response.data.sessions.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({
        title: '公开的议事会',
        home: { id: home.id, name: '公开之家', division: { name: '朐阳街道' } },
        minutes: { summary: '议定修缮村道', consensus: ['先修主干道'] },
      }),
    ]);
    expect(JSON.stringify(response)).not.toMatch(/资金来源|未公开/);
  });

  it('leaves the other surfaces open to ad-hoc operations of their callers', async () => {
    const response = await post('county', { query: '{ viewer { level } }' });
    expect(response.status).toBe(401);
  });
});
