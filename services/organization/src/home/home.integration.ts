import {
  CITY_STAFF,
  countQueries,
  startTestSubgraph,
  type TestSubgraph,
} from '@cppcc/toolkit/testing';
import { organizationSubgraph } from '../subgraph';

let graph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'home');
});
afterAll(() => graph?.stop());

/** A village of 海州区 and a street (街道) of it, taken from the real data. */
async function divisionsOf海州区() {
  const data = await graph.query(`{
    villages: divisions(codePrefix: "320706", level: VILLAGE, nameContains: "村委会", first: 3) { edges { node { code name } } }
    streets: divisions(codePrefix: "320706", level: TOWNSHIP, nameContains: "街道", first: 1) { edges { node { code name } } }
  }`);
  return {
    villages: data.villages.edges.map((e: any) => e.node),
    street: data.streets.edges[0].node,
  };
}

const CREATE_HOME = `mutation($input: CreateHomeInput!) {
  createHome(input: $input) { id name kind status version division { code } hostCommittee { name } compliance { memberCount hasLeader compliant } }
}`;
const CREATE_MEMBER = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id name phone } }`;

let memberSeq = 0;
async function createMember(divisionCode = '320706', phone = '13812345678') {
  memberSeq += 1;
  const data = await graph.query(CREATE_MEMBER, {
    input: {
      name: `委员${memberSeq}`,
      gender: memberSeq % 2 ? 'MALE' : 'FEMALE',
      divisionCode,
      phone,
      sector: '农业界',
    },
  });
  return data.createMember.id as string;
}

async function homeCount(): Promise<number> {
  return (await graph.query(`{ homes { totalCount } }`)).homes.totalCount;
}

describe('a consultation home', () => {
  it('takes its kind from its division: a street hosts a citizen home, a village a villager home', async () => {
    const { villages, street } = await divisionsOf海州区();
    const village = await graph.query(CREATE_HOME, {
      input: { name: `${villages[0].name}协商民主之家`, divisionCode: villages[0].code },
    });
    const citizen = await graph.query(CREATE_HOME, {
      input: { name: `${street.name}政协市民协商民主之家`, divisionCode: street.code },
    });
    expect(village.createHome).toMatchObject({ kind: 'VILLAGER', status: 'ACTIVE', version: 1 });
    expect(village.createHome.hostCommittee.name).toBe('政协连云港市海州区委员会');
    expect(citizen.createHome.kind).toBe('CITIZEN');
  });

  it('is refused on a county-level division, an unknown one or with an empty name, and nothing is written', async () => {
    const before = await homeCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '海州区之家', divisionCode: '320706' }, 'input.divisionCode'],
      [{ name: '无此地', divisionCode: '320706999999' }, 'input.divisionCode'],
      [{ name: '   ', divisionCode: '320706001' }, 'input.name'],
      [
        { name: '未来之家', divisionCode: '320706001', establishedOn: '2999-01-01' },
        'input.establishedOn',
      ],
      [
        { name: '试点之家', divisionCode: '320706001', pilotCohortYear: 1990 },
        'input.pilotCohortYear',
      ],
    ];
    for (const [input, field] of cases) {
      const response = await graph.send(CREATE_HOME, { input });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await homeCount()).toBe(before);
  });

  it('is created once when a clerk submits the same idempotency key twice', async () => {
    const before = await homeCount();
    const input = {
      name: '重复提交之家',
      divisionCode: '320706001',
      idempotencyKey: 'clerk-submit-0001',
    };
    const first = await graph.query(CREATE_HOME, { input });
    const second = await graph.query(CREATE_HOME, { input });
    expect(second.createHome.id).toBe(first.createHome.id);
    expect(await homeCount()).toBe(before + 1);
  });

  it('takes the same key with the same input in another order as the same request, and refuses it with another input', async () => {
    const key = 'clerk-fingerprint-0001';
    const input = { name: '指纹之家', divisionCode: '320706001', pilotCohortYear: 2025 };
    const first = await graph.query(CREATE_HOME, { input: { ...input, idempotencyKey: key } });
    const rows = () =>
      graph.orm.em
        .getConnection()
        .execute(
          `select id, name, version, idempotency_fingerprint from home where idempotency_key like ?`,
          [`%:${key}`],
        );
    const [kept] = await rows();
    expect(kept.idempotency_fingerprint).toMatch(/^[0-9a-f]{64}$/);

    // The same fields, written in another order (and the key among them): the same record.
    const reordered = await graph.query(CREATE_HOME, {
      input: {
        idempotencyKey: key,
        pilotCohortYear: 2025,
        divisionCode: '320706001',
        name: '指纹之家',
      },
    });
    expect(reordered.createHome.id).toBe(first.createHome.id);

    // Another input under the same key: refused on the key, naming neither the key nor a value.
    for (const changed of [
      { name: '另一个之家' },
      { pilotCohortYear: null },
      { kind: 'CITIZEN' },
    ]) {
      const refused = await graph.send(CREATE_HOME, {
        input: { ...input, ...changed, idempotencyKey: key },
      });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.idempotencyKey',
      });
      expect(refused.errors?.[0].message).toBe(
        'This idempotencyKey was used for a request with another input: use a new key for a new record.',
      );
    }
    // Nothing written: one row, as the first call left it.
    expect(await rows()).toEqual([kept]);

    // Another clerk's same key is theirs: a record of their own.
    const county = {
      subject: 'test:haizhou-staff',
      level: 'COUNTY' as const,
      division: '320706',
      roles: ['STAFF'],
      surface: 'county' as const,
    };
    const theirs = await graph.as(county).send(CREATE_HOME, {
      input: { ...input, name: '另一个之家', idempotencyKey: key },
    });
    expect(theirs.errors).toBeUndefined();
    expect((theirs.data as any).createHome.id).not.toBe(first.createHome.id);
    expect(await rows()).toHaveLength(2);
  });

  it('answers a key kept before fingerprints were (a null fingerprint) with its record', async () => {
    const key = 'clerk-before-fingerprints';
    const input = { name: '旧键之家', divisionCode: '320706001', idempotencyKey: key };
    const first = await graph.query(CREATE_HOME, { input });
    await graph.orm.em
      .getConnection()
      .execute(`update home set idempotency_fingerprint = null where id = ?`, [
        first.createHome.id,
      ]);
    const again = await graph.query(CREATE_HOME, { input: { ...input, name: '改过名的旧键之家' } });
    expect(again.createHome.id).toBe(first.createHome.id);
    expect(again.createHome.name).toBe('旧键之家');
  });

  it('is compliant with at least 3 members and exactly one leader among them', async () => {
    const home = (
      await graph.query(CREATE_HOME, { input: { name: '合规之家', divisionCode: '320706001' } })
    ).createHome;
    expect(home.compliance).toEqual({ memberCount: 0, hasLeader: false, compliant: false });
    const [a, b, c] = [await createMember(), await createMember(), await createMember()];
    const assign = `mutation($input: AssignHomeMemberInput!) { assignHomeMember(input: $input) { version compliance { memberCount hasLeader compliant } leader { id } } }`;
    await graph.query(assign, { input: { homeId: home.id, memberId: a, role: 'LEADER' } });
    await graph.query(assign, { input: { homeId: home.id, memberId: b } });
    const two = await graph.query(assign, {
      input: { homeId: home.id, memberId: c, role: 'LEADER' },
    });
    // Assigning a new leader steps the former one down: still exactly one.
    expect(two.assignHomeMember.leader.id).toBe(c);
    expect(two.assignHomeMember.compliance).toEqual({
      memberCount: 3,
      hasLeader: true,
      compliant: true,
    });
    expect(two.assignHomeMember.version).toBeGreaterThan(home.version);

    const again = await graph.send(assign, { input: { homeId: home.id, memberId: b } });
    // The member's name is not repeated: the field says who.
    expect(again.errors?.[0]).toMatchObject({
      message: 'The member already serves in this home.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.memberId' },
    });

    const set = await graph.query(
      `mutation($h: ID!, $m: ID!) { setHomeLeader(homeId: $h, memberId: $m) { leader { id } members { role member { id } } } }`,
      { h: home.id, m: a },
    );
    expect(set.setHomeLeader.leader.id).toBe(a);
    expect(set.setHomeLeader.members.filter((m: any) => m.role === 'LEADER')).toHaveLength(1);

    const removed = await graph.query(
      `mutation($h: ID!, $m: ID!) { removeHomeMember(homeId: $h, memberId: $m) { compliance { memberCount compliant } } }`,
      { h: home.id, m: b },
    );
    expect(removed.removeHomeMember.compliance).toEqual({ memberCount: 2, compliant: false });
  });

  it('refuses a leader who does not serve in the home, and changes nothing', async () => {
    const home = (
      await graph.query(CREATE_HOME, { input: { name: '负责人之家', divisionCode: '320706001' } })
    ).createHome;
    const outsider = await createMember();
    const response = await graph.send(
      `mutation($h: ID!, $m: ID!) { setHomeLeader(homeId: $h, memberId: $m) { id } }`,
      { h: home.id, m: outsider },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'memberId',
    });
    const after = await graph.query(`query($id: ID!) { home(id: $id) { version leader { id } } }`, {
      id: home.id,
    });
    expect(after.home).toEqual({ version: home.version, leader: null });
  });

  it('refuses an edit against a stale version with CONFLICT and keeps the newer edit', async () => {
    const home = (
      await graph.query(CREATE_HOME, { input: { name: '版本之家', divisionCode: '320706001' } })
    ).createHome;
    const update = `mutation($id: ID!, $input: UpdateHomeInput!) { updateHome(id: $id, input: $input) { name version } }`;
    const first = await graph.query(update, {
      id: home.id,
      input: { name: '版本之家（新）', expectedVersion: home.version },
    });
    expect(first.updateHome.version).toBe(home.version + 1);
    const stale = await graph.send(update, {
      id: home.id,
      input: { name: '旧名', expectedVersion: home.version },
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const after = await graph.query(`query($id: ID!) { home(id: $id) { name } }`, { id: home.id });
    expect(after.home.name).toBe('版本之家（新）');
  });

  it('takes its mutations in the one form verbNoun(input:), and still in the deprecated one', async () => {
    const home = (
      await graph.query(CREATE_HOME, { input: { name: '一式之家', divisionCode: '320706001' } })
    ).createHome;
    const [a, b] = [await createMember(), await createMember()];
    const assign = `mutation($input: AssignHomeMemberInput!) { assignHomeMember(input: $input) { id } }`;
    await graph.query(assign, { input: { homeId: home.id, memberId: a } });
    await graph.query(assign, { input: { homeId: home.id, memberId: b } });

    const leader = await graph.query(
      `mutation($input: SetHomeLeaderInput) { setHomeLeader(input: $input) { leader { id } } }`,
      { input: { homeId: home.id, memberId: a } },
    );
    expect(leader.setHomeLeader.leader.id).toBe(a);
    const removed = await graph.query(
      `mutation($input: RemoveHomeMemberInput) { removeHomeMember(input: $input) { compliance { memberCount } } }`,
      { input: { homeId: home.id, memberId: b } },
    );
    expect(removed.removeHomeMember.compliance.memberCount).toBe(1);
    const pilot = await graph.query(
      `mutation($input: MarkHomeAsPilotInput) { markHomeAsPilot(input: $input) { status pilotCohortYear } }`,
      { input: { homeId: home.id, cohortYear: 2020 } },
    );
    expect(pilot.markHomeAsPilot).toEqual({ status: 'PILOT', pilotCohortYear: 2020 });
    const renamed = await graph.query(
      `mutation($input: UpdateHomeInput!) { updateHome(input: $input) { name } }`,
      { input: { id: home.id, name: '一式之家（新）' } },
    );
    expect(renamed.updateHome.name).toBe('一式之家（新）');

    // A value given both ways, or a required one given neither way, is refused, naming it.
    const both = await graph.send(
      `mutation($id: ID!, $input: UpdateHomeInput!) { updateHome(id: $id, input: $input) { name } }`,
      { id: home.id, input: { id: home.id, name: '两次' } },
    );
    expect(both.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.id',
    });
    const neither = await graph.send(
      `mutation { markHomeAsPilot(input: { cohortYear: 2020 }) { id } }`,
    );
    expect(neither.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.homeId',
    });
    const outsider = await createMember();
    const notServing = await graph.send(
      `mutation($input: SetHomeLeaderInput) { setHomeLeader(input: $input) { id } }`,
      { input: { homeId: home.id, memberId: outsider } },
    );
    expect(notServing.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.memberId',
    });
    const after = await graph.query(`query($id: ID!) { home(id: $id) { name } }`, { id: home.id });
    expect(after.home.name).toBe('一式之家（新）');
  });

  it('counts pilots per county-level unit against the target of 3–4', async () => {
    for (const code of ['320722101', '320722103', '320722104']) {
      const home = (
        await graph.query(CREATE_HOME, { input: { name: `东海试点${code}`, divisionCode: code } })
      ).createHome;
      await graph.query(
        `mutation($id: ID!) { markHomeAsPilot(homeId: $id, cohortYear: 2019) { status pilotCohortYear } }`,
        { id: home.id },
      );
    }
    const data = await graph.query(
      `{ pilotRollout(cohortYear: 2019) { county { code name } pilotHomes onTarget targetMin targetMax } }`,
    );
    expect(data.pilotRollout).toHaveLength(7);
    const donghai = data.pilotRollout.find((row: any) => row.county.code === '320722');
    expect(donghai).toMatchObject({ pilotHomes: 3, onTarget: true, targetMin: 3, targetMax: 4 });
    expect(data.pilotRollout.find((row: any) => row.county.code === '320724')).toMatchObject({
      pilotHomes: 0,
      onTarget: false,
    });
    const pilots = await graph.query(
      `{ homes(filter: { pilotCohortYear: 2019, divisionCode: "320722" }) { totalCount edges { node { status } } } }`,
    );
    expect(pilots.homes.totalCount).toBe(3);
  });

  it('masks a member phone number for a caller whose role does not need it', async () => {
    const id = await createMember('320706', '13812345678');
    const query = `query($id: ID!) { member(id: $id) { phone } }`;
    const analyst = graph.as({ ...CITY_STAFF, subject: 'test:analyst', roles: ['ANALYST'] });
    expect((await analyst.query(query, { id })).member.phone).toBe('138****5678');
    expect((await graph.query(query, { id })).member.phone).toBe('13812345678');
  });
});

describe('a page of homes', () => {
  it('resolves leaders, members, divisions and host committees in a fixed number of SQL statements', async () => {
    // Enough staffed homes for a page of 12 to be larger than a page of 3.
    for (let i = 0; i < 12; i += 1) {
      const home = (
        await graph.query(CREATE_HOME, {
          input: { name: `灌南之家${i}`, divisionCode: '320724100' },
        })
      ).createHome;
      for (const role of ['LEADER', 'MEMBER', 'MEMBER']) {
        await graph.query(
          `mutation($input: AssignHomeMemberInput!) { assignHomeMember(input: $input) { id } }`,
          {
            input: { homeId: home.id, memberId: await createMember('320724100'), role },
          },
        );
      }
    }
    const query = `query($first: Int) { homes(first: $first, filter: { divisionCode: "320724" }) {
      edges { node { name division { name parent { name } } hostCommittee { name } leader { name phone committees { termStart } homes { role } }
        members { role member { name division { code } } } compliance { compliant } } } } }`;
    const counter = countQueries(graph.orm);
    const small = await graph.query(query, { first: 3 });
    const smallCount = counter.count;
    counter.reset();
    const large = await graph.query(query, { first: 12 });
    const largeCount = counter.count;
    counter.stop();
    expect(small.homes.edges).toHaveLength(3);
    expect(large.homes.edges).toHaveLength(12);
    expect(
      large.homes.edges.every(
        ({ node }: any) =>
          node.compliance.compliant && node.hostCommittee.name === '政协连云港市灌南县委员会',
      ),
    ).toBe(true);
    expect(largeCount).toBe(smallCount);
  });
});
