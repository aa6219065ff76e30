import { CITY_STAFF, startTestSubgraph, type TestSubgraph } from '@cppcc/toolkit/testing';
import { organizationSubgraph } from '../subgraph';

let graph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestSubgraph(organizationSubgraph, 'participant');
});
afterAll(() => graph?.stop());

const CREATE = `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id name kind phone idNumber organisation division { name } } }`;
/** A valid resident ID number of 海州区 (check digit per GB 11643). */
const ID_NUMBER = '320706198503120010';

describe('a participant of consultations', () => {
  it('is created with personal data that callers without the role see masked', async () => {
    const clerk = graph.as({ ...CITY_STAFF, subject: 'test:member', roles: ['MEMBER'] });
    const data = await clerk.query(CREATE, {
      input: {
        name: '王秀兰',
        kind: 'VILLAGER_REPRESENTATIVE',
        divisionCode: '320706001',
        phone: '139 0518 1234',
        idNumber: ID_NUMBER,
      },
    });
    expect(data.createParticipant).toMatchObject({
      name: '王秀兰',
      kind: 'VILLAGER_REPRESENTATIVE',
      phone: '139****1234',
      idNumber: '320***********0010',
      division: { name: '朐阳街道' },
    });
    const staff = await graph.query(`query($id: ID!) { participant(id: $id) { phone idNumber } }`, {
      id: data.createParticipant.id,
    });
    expect(staff.participant).toEqual({ phone: '13905181234', idNumber: ID_NUMBER });
  });

  it('is refused with an ID number whose check digit is wrong, or a phone that is not one', async () => {
    const bad = [
      [{ idNumber: '320706198503120019' }, 'input.idNumber'],
      [{ idNumber: '12345' }, 'input.idNumber'],
      [{ phone: '12345' }, 'input.phone'],
      [{ divisionCode: '999999' }, 'input.divisionCode'],
    ] as const;
    const before = (await graph.query(`{ participants { totalCount } }`)).participants.totalCount;
    for (const [change, field] of bad) {
      const response = await graph.send(CREATE, {
        input: { name: '李强', kind: 'EXPERT', divisionCode: '320706001', ...change },
      });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await graph.query(`{ participants { totalCount } }`)).participants.totalCount).toBe(
      before,
    );
  });

  it('is listed by kind and division, and edited against its version', async () => {
    const expert = (
      await graph.query(CREATE, {
        input: {
          name: '赵律师',
          kind: 'LEGAL_PROFESSIONAL',
          divisionCode: '320722101',
          organisation: '江苏海川律师事务所',
        },
      })
    ).createParticipant;
    const listed = await graph.query(
      `{ participants(filter: { kind: [LEGAL_PROFESSIONAL], divisionCode: "320722" }) { totalCount edges { node { id organisation } } } }`,
    );
    expect(listed.participants.edges.map((edge: any) => edge.node)).toEqual([
      { id: expert.id, organisation: '江苏海川律师事务所' },
    ]);
    const update = `mutation($id: ID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { organisation version } }`;
    const edited = await graph.query(update, {
      id: expert.id,
      input: { organisation: '江苏连云律师事务所', expectedVersion: 1 },
    });
    expect(edited.updateParticipant).toEqual({ organisation: '江苏连云律师事务所', version: 2 });
    const stale = await graph.send(update, {
      id: expert.id,
      input: { organisation: 'x', expectedVersion: 1 },
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
