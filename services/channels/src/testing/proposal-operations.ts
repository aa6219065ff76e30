import { todayInCity } from '@cppcc/toolkit';
import type { CallerClient, TestSubgraph } from '@cppcc/toolkit/testing';
import { addMonths } from '../shared/dates';
import { seedMember } from './fixtures';

/**
 * Named operations that walk a proposal through its life as the office and a lead department
 * would, for tests that watch what the steps leave behind (events, deliveries); the proposers are
 * members of the city CPPCC seeded into `world`'s member projection.
 */
const STEP = 'mutation($i: ProposalStepInput!)';

export function proposalOperations(office: CallerClient, world: Pick<TestSubgraph, 'orm'>) {
  const id = (data: Record<string, { id: string }>) => Object.values(data)[0].id;
  return {
    /** A registered proposal (to Haizhou's CPPCC unless said), ready to be assigned. */
    async registered(divisionCode = '320706'): Promise<string> {
      const drafted = await office.query(
        `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`,
        {
          input: {
            kind: 'MEMBER',
            leadMemberId: await seedMember(world, '3207'),
            divisionCode,
            title: '关于加快农村道路提档升级的建议',
            content: '部分村组道路狭窄破损，雨天通行困难，建议纳入年度计划。',
          },
        },
      );
      const proposalId = id(drafted);
      await office.query(`${STEP} { submitProposal(input: $i) { id } }`, { i: { proposalId } });
      await office.query(`${STEP} { registerProposal(input: $i) { id } }`, { i: { proposalId } });
      return proposalId;
    },
    assign: (proposalId: string, lead: string, co: string[] = []) =>
      office.query(
        `${STEP.replace(')', ', $lead: ID!, $co: [ID!])')} { assignProposal(input: $i, leadDepartmentId: $lead, coDepartmentIds: $co) { id version } }`,
        { i: { proposalId }, lead, co },
      ),
    accept: (department: CallerClient, proposalId: string) =>
      department.query(`${STEP} { acceptProposal(input: $i) { id version } }`, {
        i: { proposalId },
      }),
    extend: (proposalId: string) =>
      office.query(
        `${STEP.replace(')', ', $due: Date!)')} { extendProposal(input: $i, dueOn: $due, reason: "需跨年度统筹资金") { id version } }`,
        { i: { proposalId }, due: addMonths(todayInCity(), 5) },
      ),
    reply: (department: CallerClient, proposalId: string) =>
      department.query(
        `${STEP} { replyToProposal(input: $i, text: "已列入2027年农村公路提档升级计划。", resultClass: B) { id version } }`,
        { i: { proposalId } },
      ),
    evaluate: (proposalId: string) =>
      office.query(
        `${STEP} { evaluateProposal(input: $i, evaluation: SATISFIED) { id version } }`,
        {
          i: { proposalId },
        },
      ),
    close: (proposalId: string) =>
      office.query(`${STEP} { closeProposal(input: $i) { id version } }`, { i: { proposalId } }),
  };
}

export const EVENTS = `query($after: String, $types: [String!], $first: Int) {
  events(after: $after, types: $types, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id type occurredAt recordType recordId recordVersion divisionCode
      departmentIds homeIds payload } } } }`;
