import { eventually } from '@cppcc/toolkit/testing';
import { ask, data, startStack, tokenFor, type Stack } from './support/stack';

/**
 * Deliberation and channels know members and participants from the organization's change feeds
 * (ids and division codes only), without calling it on a request: a member created in the
 * organization reaches both projections, and from then on a record of the member's county may
 * name them while another county's may not.
 */
let stack: Stack;
let city: string;
beforeAll(async () => {
  stack = await startStack('member_projection');
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
});
afterAll(() => stack?.stop());

const projected = async (
  service: 'deliberation' | 'channels',
  table: 'member_projection' | 'participant_projection',
  id: string,
) =>
  (
    await stack.subgraphs[service].orm.em
      .getConnection()
      .execute<Array<Record<string, unknown>>>(`select * from ${table} where id = ?`, [id])
  ).map(({ updated_at: _at, ...row }) => row)[0];

it('a member and a participant created in the organization reach deliberation and channels, without personal data', async () => {
  const { createMember } = await data(
    stack,
    'city',
    city,
    `mutation { createMember(input: { name: "周文静", gender: FEMALE, divisionCode: "320706001001", phone: "13812345678" }) { id } }`,
  );
  const { createParticipant } = await data(
    stack,
    'city',
    city,
    `mutation { createParticipant(input: { name: "王秀英", kind: VILLAGER_REPRESENTATIVE, divisionCode: "320706001001" }) { id } }`,
  );
  for (const service of ['deliberation', 'channels'] as const) {
    await eventually(async () => {
      // A member with no seat belongs to the county they live in.
      expect(await projected(service, 'member_projection', createMember.id)).toEqual({
        id: createMember.id,
        division_code: '320706',
      });
      expect(await projected(service, 'participant_projection', createParticipant.id)).toEqual({
        id: createParticipant.id,
        division_code: '320706001001',
      });
    });
  }

  // 海州区 (320706) may name its member in a report; 东海县 (320722) may not, and hears no more
  // of them than of a member who does not exist.
  const draft = async (division: string) =>
    ask(
      stack,
      'county',
      await tokenFor({ level: 'COUNTY', division, roles: ['STAFF'] }),
      `mutation($input: DraftSentimentReportInput!) { draftSentimentReport(input: $input) { id } }`,
      { input: { title: '题', content: '内容', authorMemberIds: [createMember.id] } },
    );
  expect((await draft('320706')).errors).toBeUndefined();
  const refused = await draft('320722');
  expect(refused.errors?.[0]).toMatchObject({
    message: 'There is no such member in this county or the city.',
    extensions: { code: 'BAD_USER_INPUT', field: 'input.authorMemberIds.0' },
  });
});
