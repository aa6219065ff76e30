import { eventually } from '@cppcc/toolkit/testing';
import { ask, data, startStack, tokenFor, type Stack } from './support/stack';

/**
 * The petitions bureau's subgraph joined into the graph: a petition demand with its home and
 * session and its case in one request; the cross-county view's petition figures against SQL; a
 * county's and the public's view of the cases.
 */
let stack: Stack;
let city: string;
let county: string;

beforeAll(async () => {
  stack = await startStack('petitions_graph', { demo: true });
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  county = await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });
});
afterAll(() => stack?.stop());

const sql = <T extends object>(query: string, values: unknown[] = []) =>
  stack.subgraphs.petitions.orm.em.getConnection().execute<T>(query, values);

describe('a petition matter across the four subgraphs', () => {
  it('joins the demand, its home and session, and its case with the handling department and opinion, in one request', async () => {
    const demo = stack.demo!;
    // A case with an opinion, raised from a demand discussed at a session of its home.
    const row = demo.petitions.cases.find(
      (candidate) => candidate.opinion && candidate.session_ids.length,
    )!;
    expect(row).toBeDefined();
    const demand = demo.channels.demands.find((d) => d.id === row.demand_ids[0])!;
    const home = demo.organization.homes.find((h) => h.id === demand.home_id)!;
    const department = demo.organization.departments.find(
      (d) => d.id === row.handling_department_id,
    )!;
    const session = demo.deliberation.sessions.find((s) => s.id === row.session_ids[0])!;

    const answer = await data(
      stack,
      'city',
      city,
      `query($id: ID!) { demand(id: $id) {
         id isPetition content
         home { id name division { code } }
         petitionCase {
           number status opinion opinionDueOn
           handlingDepartment { id name }
           sessions { id title kind home { id } petitionCase { number } }
           demands { id isPetition }
           history { step }
         } } }`,
      { id: demand.id },
    );
    expect(answer.demand).toMatchObject({
      id: demand.id,
      isPetition: true,
      content: demand.content,
      home: { id: home.id, name: home.name },
      petitionCase: {
        number: row.number,
        status: row.status,
        opinion: row.opinion,
        opinionDueOn: row.opinion_due_on,
        handlingDepartment: { id: department.id, name: department.name },
        demands: [{ id: demand.id, isPetition: true }],
      },
    });
    // Deliberation answers the session, and petitions the session's own case.
    expect(answer.demand.petitionCase.sessions[0]).toEqual({
      id: session.id,
      title: session.title,
      kind: session.kind,
      home: { id: session.home_id },
      petitionCase: { number: row.number },
    });
    expect(answer.demand.petitionCase.history[0].step).toBe('register');
  });

  it('adds petition figures per county to the cross-county view, equal to SQL over the cases', async () => {
    const year = Number(stack.demo!.petitions.today.slice(0, 4)) - 1;
    const answer = await data(
      stack,
      'city',
      city,
      `query($year: Int!) { division(code: "3207") { children(first: 20) { edges { node { code
         sessionStats(year: $year) { held }
         channelStats(year: $year) { demandsReceived }
         petitionStats(year: $year) { registered accepted opinionsGiven overdue reviewsRequested closed averageDaysToOpinion }
       } } } } }`,
      { year },
    );
    const floor = await sql<
      Array<{
        county: string;
        registered: number;
        accepted: number;
        handled: number;
        overdue: number;
        reviews: number;
        closed: number;
        average_days: number | null;
      }>
    >(
      `select left(division_code, 6) as county, count(*)::int as registered,
              count(accepted_on)::int as accepted, count(handled_on)::int as handled,
              count(*) filter (where opinion_due_on < (now() at time zone 'Asia/Shanghai')::date
                                 and handled_on is null)::int as overdue,
              count(review_requested_on)::int as reviews, count(closed_on)::int as closed,
              round(avg(handled_on - accepted_on), 1)::float8 as average_days
       from petitions.petition_case
       where extract(year from registered_on) = ?
       group by 1`,
      [year],
    );
    const byCounty = new Map(floor.map((row) => [row.county, row]));
    const counties = answer.division.children.edges.map((edge: any) => edge.node);
    expect(counties.length).toBe(7);
    let registered = 0;
    for (const node of counties) {
      const want = byCounty.get(node.code);
      expect([node.code, node.petitionStats]).toEqual([
        node.code,
        {
          registered: want?.registered ?? 0,
          accepted: want?.accepted ?? 0,
          opinionsGiven: want?.handled ?? 0,
          overdue: want?.overdue ?? 0,
          reviewsRequested: want?.reviews ?? 0,
          closed: want?.closed ?? 0,
          averageDaysToOpinion: want?.average_days ?? null,
        },
      ]);
      expect(node.sessionStats).not.toBeNull();
      expect(node.channelStats).not.toBeNull();
      registered += node.petitionStats.registered;
    }
    expect(registered).toBeGreaterThan(0);
  });

  it("gives a county's office its county's cases only", async () => {
    const answer = await data(
      stack,
      'county',
      county,
      `{ petitionCases(first: 100) { totalCount edges { node { division { code } petitioners } } } }`,
    );
    const [{ n }] = await sql<Array<{ n: number }>>(
      `select count(*)::int as n from petitions.petition_case where division_code like '320706%'`,
    );
    expect(n).toBeGreaterThan(0);
    expect(answer.petitionCases.totalCount).toBe(n);
    const codes = answer.petitionCases.edges.map((edge: any) => edge.node.division.code);
    expect(codes.every((code: string) => code.startsWith('320706'))).toBe(true);
    const other = await data(
      stack,
      'county',
      county,
      `query($id: ID!) { petitionCase(id: $id) { id } }`,
      {
        id: stack.demo!.petitions.cases.find((row) => !row.division_code.startsWith('320706'))!.id,
      },
    );
    expect(other.petitionCase).toBeNull();
  });

  it("gives a county's petitions bureau its county's cases, known from the organization's feed", async () => {
    const bureau = stack.demo!.organization.departments.find(
      (d) =>
        d.division_code === '320706' &&
        d.kind === 'DIRECT_AGENCY' &&
        d.policy_areas.includes('PETITIONS' as never),
    )!;
    const token = await tokenFor({
      level: 'DEPARTMENT',
      division: '320706',
      departmentId: bureau.id,
      roles: ['DEPARTMENT'],
    });
    const own = stack.demo!.petitions.cases.filter((row) => row.division_code.startsWith('320706'));
    // The bureau is known once petitions has followed the department feed (within a second).
    const answer = await eventually(async () => {
      const seen = await data(
        stack,
        'department',
        token,
        `{ petitionCases(first: 100) { totalCount edges { node { number } } } }`,
      );
      expect(seen.petitionCases.totalCount).toBe(own.length);
      return seen;
    });
    expect(answer.petitionCases.edges).toHaveLength(own.length);
    // The petitioners' names are personal data: not offered on the department surface at all.
    const refused = await ask(
      stack,
      'department',
      token,
      `{ petitionCases(first: 1) { edges { node { petitioners } } } }`,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("links a case to a petition demand and a multi-party session once petitions has followed channels' and deliberation's feeds", async () => {
    const demo = stack.demo!;
    const bureau = demo.organization.departments.find(
      (d) =>
        d.division_code === '320706' &&
        d.kind === 'DIRECT_AGENCY' &&
        d.policy_areas.includes('PETITIONS' as never),
    )!;
    const home = demo.organization.homes.find(
      (h) => h.division_code.startsWith('320706') && h.status === 'ACTIVE',
    )!;
    const other = demo.organization.homes.find(
      (h) => !h.division_code.startsWith('320706') && h.status === 'ACTIVE',
    )!;
    const bureauToken = await tokenFor({
      level: 'DEPARTMENT',
      division: '320706',
      departmentId: bureau.id,
      roles: ['DEPARTMENT'],
    });
    const schedule = async (homeId: string, kind: string) =>
      (
        await data(
          stack,
          'city',
          city,
          `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`,
          {
            input: {
              homeId,
              title: '征地补偿多方协商会',
              kind,
              scheduledAt: '2026-12-15T09:00:00+08:00',
            },
          },
        )
      ).scheduleSession.id as string;
    const raise = async (isPetition: boolean) =>
      (
        await data(
          stack,
          'city',
          city,
          `mutation($input: RaiseDemandInput!) { raiseDemand(input: $input) { id } }`,
          {
            input: {
              homeId: home.id,
              category: 'LAND_AND_HOUSING',
              content: '征地补偿款未足额发放，请求依法补发。',
              isPetition,
              residentName: '王秀英',
            },
          },
        )
      ).raiseDemand.id as string;
    const session = await schedule(home.id, 'MULTI_PARTY');
    const council = await schedule(home.id, 'COUNCIL');
    const elsewhere = await schedule(other.id, 'MULTI_PARTY');
    const petition = await raise(true);
    const plain = await raise(false);

    const REGISTER = `mutation($input: RegisterPetitionCaseInput!) {
      registerPetitionCase(input: $input) { id version } }`;
    const register = (demandIds: string[]) =>
      ask(stack, 'department', bureauToken, REGISTER, {
        input: {
          subject: '征地补偿款未足额发放',
          petitioners: ['王秀英'],
          divisionCode: home.division_code,
          demandIds,
        },
      });
    // A demand that is no petition matter is refused, its id not echoed.
    const refused = await eventually(async () => {
      const answer = await register([plain]);
      expect(answer.errors?.[0].message).toMatch(/no petition matter/);
      return answer;
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.demandIds.0',
    });
    expect(refused.errors?.[0].message).not.toContain(plain);
    // Channels' feed brought the petition demand (a moment after it was raised).
    const registered = await eventually(async () => {
      const answer = await register([petition]);
      expect(answer.errors).toBeUndefined();
      return answer.data!.registerPetitionCase;
    });
    const again = await register([petition]);
    expect(again.errors?.[0].message).toMatch(/already linked to another case/);

    const RECORD = `mutation($input: PetitionCaseStepInput!, $session: ID!) {
      recordPetitionSession(input: $input, sessionId: $session) { version } }`;
    const record = (sessionId: string) =>
      ask(stack, 'department', bureauToken, RECORD, {
        input: { caseId: registered.id },
        session: sessionId,
      });
    await eventually(async () => {
      const answer = await record(session);
      expect(answer.errors).toBeUndefined();
    });
    // The office reads the case with its demand (channels) and session (deliberation).
    const read = await data(
      stack,
      'city',
      city,
      `query($id: ID!) { petitionCase(id: $id) {
         demands { id isPetition petitionCase { id } }
         sessions { id kind petitionCase { id } } } }`,
      { id: registered.id },
    );
    expect(read.petitionCase).toEqual({
      demands: [{ id: petition, isPetition: true, petitionCase: { id: registered.id } }],
      sessions: [{ id: session, kind: 'MULTI_PARTY', petitionCase: { id: registered.id } }],
    });
    // Another county's session, once petitions knows it, reads as an unknown one.
    await eventually(async () => {
      expect(await sql('select id from session_projection where id = ?', [elsewhere])).toHaveLength(
        1,
      );
    });
    for (const [refusedSession, message] of [
      [council, /MULTI_PARTY/],
      [elsewhere, /no such session in the case's county/],
    ] as const) {
      const answer = await eventually(async () => {
        const attempt = await record(refusedSession);
        expect(attempt.errors?.[0].message).toMatch(message);
        return attempt;
      });
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'sessionId',
      });
    }
  });

  it('offers the public surface no petition case at all', async () => {
    const type = await data(stack, 'public', null, `{ __type(name: "PetitionCase") { name } }`);
    expect(type.__type).toBeNull();
    const refused = await ask(stack, 'public', null, `{ petitionCases { totalCount } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const session = await ask(
      stack,
      'public',
      null,
      `{ sessions(first: 1) { edges { node { petitionCase { id } } } } }`,
    );
    expect(session.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("refuses a case for a division code the organization's feed never brought; the lists keep answering", async () => {
    const bureau = stack.demo!.organization.departments.find(
      (d) =>
        d.division_code === '320706' &&
        d.kind === 'DIRECT_AGENCY' &&
        d.policy_areas.includes('PETITIONS' as never),
    )!;
    const token = await tokenFor({
      level: 'DEPARTMENT',
      division: '320706',
      departmentId: bureau.id,
      roles: ['DEPARTMENT'],
    });
    const register = (divisionCode: string) =>
      ask(
        stack,
        'department',
        token,
        `mutation($input: RegisterPetitionCaseInput!) { registerPetitionCase(input: $input) { id division { code name } } }`,
        { input: { subject: '小区电梯加装纠纷', petitioners: ['赵六'], divisionCode } },
      );
    // A village of the county, known once petitions has followed the division feed.
    const known = await eventually(async () => {
      const answer = await register('320706001001');
      expect(answer.errors).toBeUndefined();
      return answer.data!.registerPetitionCase;
    });
    expect(known.division).toEqual({ code: '320706001001', name: expect.any(String) });
    // Well formed and in the county, but no division: the organization would resolve it to nothing.
    const unknown = await register('320706001999');
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.divisionCode',
    });
    expect(unknown.errors?.[0].message).not.toContain('320706001999');
    const list = await ask(
      stack,
      'department',
      token,
      `{ petitionCases(first: 100) { totalCount edges { node { id division { code name } } } } }`,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.petitionCases.edges.map((edge: any) => edge.node.id)).toContain(known.id);
  });
});
