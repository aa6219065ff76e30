import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { organizationSubgraph } from '../subgraph';
import { readFeed } from '../testing/change-feed';

let graph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'member_changes');
});
afterAll(() => graph?.stop());

const sql = (query: string, values: unknown[] = []) =>
  graph.orm.em.getConnection().execute(query, values);

/** The changes of one record after the feed's last position now, as the feed serves them. */
async function changesOf(feed: 'member' | 'participant', id: string, after = 0) {
  const { status, body } = await readFeed(
    graph,
    `/internal/${feed}-changes?after=${after}&limit=1000`,
    'service:channels',
  );
  expect(status).toBe(200);
  return body.changes
    .filter((change) => change[`${feed}Id`] === id)
    .map(({ seq: _seq, ...change }) => change);
}

const committeeOf = async (divisionCode: string) =>
  (
    await sql(`select id from committee where kind = 'CPPCC' and division_code = ?`, [divisionCode])
  )[0].id as string;

const createMember = async (input: Record<string, unknown>) =>
  (
    await graph.query(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      { input: { name: '陈立华', gender: 'FEMALE', ...input } },
    )
  ).createMember.id as string;

describe('the member change feed (a transactional outbox)', () => {
  it('places a member by the committee they sit on, the city before a county, and nothing more', async () => {
    // Lives in 东海县, sits on 海州区's CPPCC (works there): a member of 海州区.
    const county = await createMember({
      divisionCode: '320722101',
      committees: [{ committeeId: await committeeOf('320706'), termStart: '2022-01-01' }],
    });
    const changes = await changesOf('member', county);
    expect(changes.at(-1)).toEqual({ memberId: county, divisionCode: '320706' });
    // Ids and places only: no name, phone or anything personal leaves the organization.
    expect(Object.keys(changes.at(-1)!).sort()).toEqual(['divisionCode', 'memberId']);

    // Given a seat on the city CPPCC too: a member of the city.
    await sql(
      `insert into committee_membership (id, committee_id, member_id, term_start)
       values (gen_random_uuid(), ?, ?, '2022-01-01')`,
      [await committeeOf('3207'), county],
    );
    expect((await changesOf('member', county)).at(-1)).toEqual({
      memberId: county,
      divisionCode: '3207',
    });
    // The seat taken away: 海州区's again.
    await sql(`delete from committee_membership where member_id = ? and committee_id = ?`, [
      county,
      await committeeOf('3207'),
    ]);
    expect((await changesOf('member', county)).at(-1)).toEqual({
      memberId: county,
      divisionCode: '320706',
    });
  });

  it('places a member with no seat by the county they live in', async () => {
    const seatless = await createMember({ divisionCode: '320724100001' });
    expect(await changesOf('member', seatless)).toEqual([
      { memberId: seatless, divisionCode: '320724' },
    ]);
  });

  it('is for other services only', async () => {
    for (const path of ['/internal/member-changes', '/internal/participant-changes']) {
      expect((await readFeed(graph, `${path}?after=0`, 'test:city-staff')).status).toBe(401);
      expect((await fetch(new URL(path, graph.url))).status).toBe(401);
    }
  });
});

describe('the participant change feed (a transactional outbox)', () => {
  it('records a participant where they live, and a move, with nothing personal', async () => {
    const { createParticipant } = await graph.query(
      `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`,
      {
        input: {
          name: '王秀英',
          kind: 'VILLAGER_REPRESENTATIVE',
          divisionCode: '320706001001',
          phone: '13812345678',
        },
      },
    );
    await sql(`update participant set division_code = '320706001002' where id = ?`, [
      createParticipant.id,
    ]);
    // A change of what the feed does not carry is no change.
    await sql(`update participant set phone = '13900000000' where id = ?`, [createParticipant.id]);
    expect(await changesOf('participant', createParticipant.id)).toEqual([
      { participantId: createParticipant.id, divisionCode: '320706001001' },
      { participantId: createParticipant.id, divisionCode: '320706001002' },
    ]);
  });
});
