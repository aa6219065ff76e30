import { randomUUID } from 'node:crypto';
import type { Caller } from '@cppcc/toolkit';
import { startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { channelsSubgraph } from '../subgraph';
import { HAIZHOU_STAFF, seedHome, seedMember, seedSession } from '../testing/fixtures';

/**
 * The sessions channels knows from deliberation's feed (`session_projection`): a demand goes on
 * the agenda of a session of its own home, and a record cites sessions of its county, known and
 * not cancelled; a cited session's home is among those the record reaches.
 */
let graph: TestSubgraph;
let HOME: string;
let NEIGHBOUR: string;
let GUANNAN_HOME: string;
let MEMBER: string;
let CITY_MEMBER: string;
let HELD: string;
let CANCELLED: string;
let NEIGHBOURS: string;
let GUANNAN: string;

beforeAll(async () => {
  graph = await startTestSubgraph(channelsSubgraph, 'session_projection');
  HOME = await seedHome(graph, '320706001001');
  NEIGHBOUR = await seedHome(graph, '320706001002');
  GUANNAN_HOME = await seedHome(graph, '320724100001');
  MEMBER = await seedMember(graph, '320706');
  CITY_MEMBER = await seedMember(graph, '3207');
  HELD = await seedSession(graph, HOME, '320706001001');
  CANCELLED = await seedSession(graph, HOME, '320706001001', 'CANCELLED');
  NEIGHBOURS = await seedSession(graph, NEIGHBOUR, '320706001002');
  GUANNAN = await seedSession(graph, GUANNAN_HOME, '320724100001');
});
afterAll(() => graph?.stop());

const homeLeader = (homeId: string, division: string): Caller => ({
  subject: `test:home:${homeId}`,
  level: 'HOME',
  division,
  homeId,
  roles: ['HOME_LEADER'],
  surface: 'home',
});

async function demandOfHome(): Promise<{ id: string; version: number }> {
  const { raiseDemand } = await graph.query(
    `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id version } }`,
    { input: { homeId: HOME, category: 'INFRASTRUCTURE', content: '村口路灯不亮。' } },
  );
  return raiseDemand;
}

const PUT_ON_AGENDA = `mutation($i: DemandStepInput!, $s: ID!, $a: ID!) {
  putDemandOnAgenda(input: $i, sessionId: $s, agendaItemId: $a) { status session { id } } }`;

describe('a demand put on a session’s agenda', () => {
  it.each([
    ['a session channels does not know', () => randomUUID(), /no such session/],
    ['a session of another home of the county', () => NEIGHBOURS, /no such session/],
    ['a session of another county', () => GUANNAN, /no such session/],
    ['a cancelled session of its home', () => CANCELLED, /cancelled/],
  ])('is refused for %s, on sessionId, and stays as it was', async (_name, session, message) => {
    const demand = await demandOfHome();
    const answer = await graph.send(PUT_ON_AGENDA, {
      i: { demandId: demand.id },
      s: session(),
      a: randomUUID(),
    });
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(message),
      extensions: { code: 'BAD_USER_INPUT', field: 'sessionId' },
    });
    const { demand: after } = await graph.query(
      `query($id: ID!) { demand(id: $id) { status version session { id } } }`,
      { id: demand.id },
    );
    expect(after).toEqual({ status: 'RECEIVED', version: demand.version, session: null });
  });

  it('goes on the agenda of a session of its own home', async () => {
    const demand = await demandOfHome();
    const answer = await graph.query(PUT_ON_AGENDA, {
      i: { demandId: demand.id },
      s: HELD,
      a: randomUUID(),
    });
    expect(answer.putDemandOnAgenda).toEqual({ status: 'ON_AGENDA', session: { id: HELD } });
  });
});

const DRAFT = `mutation($input: DraftProposalInput!) { draftProposal(input: $input) {
  id sources { sessions { id } homes { id } } } }`;
const draft = (client: Pick<TestSubgraph, 'send'>, divisionCode: string, sessions: string[]) =>
  client.send(DRAFT, {
    input: {
      kind: 'MEMBER',
      leadMemberId: divisionCode === '3207' ? CITY_MEMBER : MEMBER,
      title: '关于改善村道照明的建议',
      content: '建议将村道照明纳入年度民生实事。',
      divisionCode,
      sourceSessionIds: sessions,
    },
  });

describe('a record citing sessions', () => {
  it('is refused, at the session’s index, for one unknown, of another county or cancelled', async () => {
    for (const [session, message] of [
      [randomUUID(), /no such session in this county/],
      [GUANNAN, /no such session in this county/],
      [CANCELLED, /cancelled/],
    ] as const) {
      const answer = await draft(graph.as(HAIZHOU_STAFF), '320706', [HELD, session]);
      expect(answer.errors?.[0]).toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: 'BAD_USER_INPUT', field: 'input.sourceSessionIds.1' },
      });
    }
  });

  it('reaches the homes of the sessions it cites: their leaders see it once submitted', async () => {
    const answer = await draft(graph.as(HAIZHOU_STAFF), '320706', [HELD, NEIGHBOURS]);
    expect(answer.errors).toBeUndefined();
    const proposal = answer.data!.draftProposal;
    expect(proposal.sources.sessions.map((s: { id: string }) => s.id)).toEqual([HELD, NEIGHBOURS]);
    expect(proposal.sources.homes.map((h: { id: string }) => h.id).sort()).toEqual(
      [HOME, NEIGHBOUR].sort(),
    );
    await graph
      .as(HAIZHOU_STAFF)
      .query(`mutation($i: ProposalStepInput!) { submitProposal(input: $i) { status } }`, {
        i: { proposalId: proposal.id },
      });
    const seen = await graph
      .as(homeLeader(NEIGHBOUR, '320706001'))
      .query(`query($id: ID!) { proposal(id: $id) { id } }`, { id: proposal.id });
    expect(seen.proposal).toEqual({ id: proposal.id });
  });

  it('of the city cites a session of any county', async () => {
    const answer = await draft(graph, '3207', [GUANNAN]);
    expect(answer.errors).toBeUndefined();
  });
});
