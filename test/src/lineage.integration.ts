import { eventually } from '@cppcc/toolkit/testing';
import { data, startStack, tokenFor, type Stack } from './support/stack';

/**
 * The path from a villager's demand to a department's answer, followed in one request through the
 * gateway (docs/domain.md: "must be followable in one query"), and back from the answer to the home.
 */
let stack: Stack;
let city: string;
let county: string;
const ids: Record<string, string> = {};

const call = (
  token: string,
  query: string,
  variables?: Record<string, unknown>,
  surface: 'city' | 'county' | 'home' | 'department' = 'city',
) => data(stack, surface, token, query, variables);

beforeAll(async () => {
  stack = await startStack('lineage');
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  county = await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });

  ids.home = (
    await call(
      city,
      `mutation { createHome(input: { name: "新海街道政协协商民主之家", divisionCode: "320706006", kind: CITIZEN }) { id } }`,
    )
  ).createHome.id;
  // A member of the city CPPCC (living in 海州区), whom the city's proposal may name.
  const [cityCppcc] = (await call(city, `{ committees(kind: CPPCC) { id } }`)).committees;
  ids.member = (
    await call(
      city,
      `mutation($seat: ID!) { createMember(input: { name: "陈立华", gender: FEMALE, divisionCode: "320706",
         committees: [{ committeeId: $seat, termStart: "2022-01-01" }] }) { id } }`,
      { seat: cityCppcc.id },
    )
  ).createMember.id;
  const department = (name: string, shortName: string) =>
    call(
      city,
      `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
      {
        input: {
          name,
          shortName,
          divisionCode: '3207',
          kind: 'GOVERNMENT_DEPARTMENT',
          policyAreas: ['INFRASTRUCTURE'],
        },
      },
    );
  ids.transport = (await department('连云港市交通运输局', '市交通局')).createDepartment.id;
  ids.finance = (await department('连云港市财政局', '市财政局')).createDepartment.id;
});
afterAll(() => stack?.stop());

describe('a demand followed to the answer and back', () => {
  it('goes from a home and its session to a proposal, its departments, their reply and the evaluation, in one request', async () => {
    // The home reaches deliberation and channels through the organization's feed.
    const session = await eventually(
      async () =>
        (
          await call(
            county,
            `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`,
            {
              input: {
                homeId: ids.home,
                title: '新南片区道路积水问题协商议事会',
                kind: 'COUNCIL',
                scheduledAt: '2026-10-15T09:00:00+08:00',
                idempotencyKey: 'lineage-session',
              },
            },
            'county',
          )
        ).scheduleSession,
    );
    // Channels follows the feed on its own timer: the home may reach it a moment after
    // deliberation (the idempotency key makes a retry the same demand).
    const demand = await eventually(
      async () =>
        (
          await call(
            county,
            `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id } }`,
            {
              input: {
                homeId: ids.home,
                category: 'INFRASTRUCTURE',
                content: '新南路雨后积水严重，居民出行困难，希望改造排水管网。',
                residentName: '王秀英',
                residentContact: '13812345678',
                idempotencyKey: 'lineage-demand',
              },
            },
            'county',
          )
        ).raiseDemand,
    );
    const agenda = await call(
      county,
      `mutation($s: ID!, $d: ID!) { setAgenda(sessionId: $s, items: [{ title: "新南路排水管网改造", demandIds: [$d] }]) { agenda { id } } }`,
      { s: session.id, d: demand.id },
      'county',
    );
    const agendaItem = agenda.setAgenda.agenda[0].id;
    // Channels learns of the session from deliberation's event feed (within about a second).
    await eventually(() =>
      call(
        county,
        `mutation($i: DemandStepInput!, $s: ID!, $a: ID!) { putDemandOnAgenda(input: $i, sessionId: $s, agendaItemId: $a) { status } }`,
        { i: { demandId: demand.id }, s: session.id, a: agendaItem },
        'county',
      ),
    );
    await call(
      county,
      `mutation($i: SessionStepInput!) { recordSessionHeld(input: $i, heldAt: "2026-10-15T11:00:00+08:00") { status } }`,
      { i: { sessionId: session.id } },
      'county',
    );

    // The matter needs the city: a member's proposal to the city CPPCC, citing the demand and the session.
    // The member reaches channels through the organization's feed (within about a second).
    const proposal = (
      await eventually(() =>
        call(
          city,
          `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`,
          {
            input: {
              divisionCode: '3207',
              year: 2026,
              kind: 'MEMBER',
              leadMemberId: ids.member,
              title: '关于系统改造新南片区排水管网的建议',
              content: '新南片区雨污管网老化，建议纳入城市更新计划统筹改造。',
              sourceDemandIds: [demand.id],
              sourceSessionIds: [session.id],
            },
          },
        ),
      )
    ).draftProposal;
    const step = (mutation: string, token = city, surface: 'city' | 'department' = 'city') =>
      call(
        token,
        `mutation($i: ProposalStepInput!) { ${mutation} }`,
        { i: { proposalId: proposal.id } },
        surface,
      );
    await step('submitProposal(input: $i) { status }');
    await step('registerProposal(input: $i, isKey: true) { number }');
    await eventually(() =>
      step(
        `assignProposal(input: $i, leadDepartmentId: "${ids.transport}", coDepartmentIds: ["${ids.finance}"]) { status }`,
      ),
    );
    const transport = await tokenFor({
      level: 'DEPARTMENT',
      division: '3207',
      departmentId: ids.transport,
    });
    await step('acceptProposal(input: $i) { status }', transport, 'department');
    await step(
      'replyToProposal(input: $i, text: "已将新南片区排水管网改造列入2027年城市更新项目，汛期前完工。", resultClass: B) { status }',
      transport,
      'department',
    );
    await step(
      'evaluateProposal(input: $i, evaluation: SATISFIED, comment: "答复具体，时间明确") { status }',
    );

    const answer = await call(
      city,
      `query($home: ID!) { home(id: $home) { name division { name parent { name } }
        demands { edges { node { content status residentContact
          session { title status heldAt } agendaItem { title }
          escalations { ... on Proposal { number isKey status title
            leadProposer { name } leadDepartment { name } coDepartments { name }
            reply { text resultClass department { shortName } }
            evaluation { result comment }
            history { step toStatus } } }
          history { step toStatus } } } } } }`,
      { home: ids.home },
    );
    const [node] = answer.home.demands.edges.map((edge: any) => edge.node);
    expect(answer.home.division).toEqual({ name: '新海街道', parent: { name: '海州区' } });
    expect(node).toMatchObject({
      status: 'ANSWERED',
      residentContact: '13812345678',
      session: { title: '新南片区道路积水问题协商议事会', status: 'HELD' },
      agendaItem: { title: '新南路排水管网改造' },
    });
    expect(node.history.map((h: any) => h.step)).toEqual([
      'raise',
      'putOnAgenda',
      'escalate',
      'answer',
    ]);
    expect(node.escalations).toEqual([
      expect.objectContaining({
        number: 1,
        isKey: true,
        status: 'EVALUATED',
        leadProposer: { name: '陈立华' },
        leadDepartment: { name: '连云港市交通运输局' },
        coDepartments: [{ name: '连云港市财政局' }],
        reply: {
          text: expect.stringContaining('2027年城市更新项目'),
          resultClass: 'B',
          department: { shortName: '市交通局' },
        },
        evaluation: { result: 'SATISFIED', comment: '答复具体，时间明确' },
      }),
    ]);
    expect(node.escalations[0].history.map((h: any) => h.toStatus)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'REGISTERED',
      'ASSIGNED',
      'HANDLING',
      'REPLIED',
      'EVALUATED',
    ]);

    // And back: from the proposal to its home and session; from the session to what it sent up.
    const back = await call(
      city,
      `query($p: ID!, $s: ID!) {
        proposal(id: $p) { sources { homes { name } sessions { title } demands { content } } }
        session(id: $s) { outcomes { ... on Proposal { id } } } }`,
      { p: proposal.id, s: session.id },
    );
    expect(back.proposal.sources).toEqual({
      homes: [{ name: '新海街道政协协商民主之家' }],
      sessions: [{ title: '新南片区道路积水问题协商议事会' }],
      demands: [{ content: expect.stringContaining('新南路雨后积水') }],
    });
    expect(back.session.outcomes).toEqual([{ id: proposal.id }]);

    // The home follows what its residents' demand became, the reply and its evaluation.
    const leader = await tokenFor({
      level: 'HOME',
      division: '320706006',
      roles: ['HOME_LEADER'],
      homeId: ids.home,
    });
    const atHome = await call(
      leader,
      `query($home: ID!) { home(id: $home) { demands { edges { node { status
        escalations { __typename ... on Proposal { id status reply { resultClass } evaluation { result } } } } } } } }`,
      { home: ids.home },
      'home',
    );
    expect(atHome.home.demands.edges.map((edge: any) => edge.node)).toEqual([
      {
        status: 'ANSWERED',
        escalations: [
          {
            __typename: 'Proposal',
            id: proposal.id,
            status: 'EVALUATED',
            reply: { resultClass: 'B' },
            evaluation: { result: 'SATISFIED' },
          },
        ],
      },
    ]);

    // The department sees what is assigned to it, and answers only that.
    const inbox = await call(
      transport,
      `query($d: ID!) { department(id: $d) { assignedProposals { totalCount edges { node { id status dueOn } } } } }`,
      { d: ids.transport },
      'department',
    );
    expect(inbox.department.assignedProposals.edges.map((e: any) => e.node.id)).toEqual([
      proposal.id,
    ]);
  });
});
