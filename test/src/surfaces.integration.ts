import { PERSONAL_DATA_FIELDS, PERSONAL_DATA_NAMES, SURFACES, type Surface } from '@cppcc/toolkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { ask, data, startStack, surfaceTokens, type Stack } from './support/stack';

const ALL = [...SURFACES];
const STAFF: Surface[] = ['city', 'county', 'home'];
/** The steps of a CPPCC office (city or county staff). */
const OFFICE: Surface[] = ['city', 'county'];

/**
 * Which root fields each surface offers. Every root field of the supergraph must be listed here:
 * a new field that says nothing about its surfaces fails this test.
 */
const QUERY_FIELDS: Record<string, Surface[]> = {
  division: ALL,
  divisions: ALL,
  committee: ALL,
  committees: ALL,
  department: ALL,
  departments: ALL,
  viewer: ALL,
  home: ['city', 'county', 'home', 'public'],
  homes: ['city', 'county', 'home', 'public'],
  pilotRollout: ['city', 'county', 'public'],
  member: STAFF,
  members: STAFF,
  participant: STAFF,
  participants: STAFF,
  cadenceReport: ['city', 'county'],
  session: ALL,
  sessions: ALL,
  demand: STAFF,
  demands: STAFF,
  proposal: ['city', 'county', 'department'],
  proposals: ['city', 'county', 'department'],
  sentimentReport: ['city', 'county', 'department'],
  sentimentReports: ['city', 'county', 'department'],
  speech: ['city', 'county'],
  speeches: ['city', 'county'],
  specialReport: ['city', 'county'],
  specialReports: ['city', 'county'],
  proposalReport: ['city', 'county', 'department'],
  demandReport: ['city', 'county'],
  sessionReport: ['city', 'county'],
  // Events and webhooks: the systems of departments and of CPPCC offices (issue 14).
  events: ['city', 'county', 'department'],
  deliberationEvents: ['city', 'county', 'department'],
  webhookSubscriptions: ['city', 'county', 'department'],
  // The petitions bureau's cases: the offices, and departments (the bureau, a handling one).
  petitionCase: ['city', 'county', 'department'],
  petitionCases: ['city', 'county', 'department'],
};
const MUTATION_FIELDS: Record<string, Surface[]> = {
  createHome: ['city', 'county'],
  updateHome: ['city', 'county'],
  markHomeAsPilot: ['city', 'county'],
  assignHomeMember: ['city', 'county'],
  removeHomeMember: ['city', 'county'],
  setHomeLeader: ['city', 'county'],
  createMember: ['city', 'county'],
  updateMember: ['city', 'county'],
  createParticipant: STAFF,
  updateParticipant: STAFF,
  scheduleSession: STAFF,
  rescheduleSession: STAFF,
  recordSessionHeld: STAFF,
  cancelSession: STAFF,
  setAgenda: STAFF,
  recordAttendance: STAFF,
  draftMinutes: STAFF,
  editMinutes: STAFF,
  approveMinutes: STAFF,
  publishMinutes: STAFF,
  createDepartment: ['city'],
  updateDepartment: ['city'],
  raiseDemand: STAFF,
  putDemandOnAgenda: STAFF,
  resolveDemandAtHome: STAFF,
  closeDemand: STAFF,
  draftProposal: OFFICE,
  editProposal: OFFICE,
  submitProposal: OFFICE,
  registerProposal: OFFICE,
  declineProposal: OFFICE,
  returnProposal: OFFICE,
  reviseProposal: OFFICE,
  mergeProposal: OFFICE,
  assignProposal: OFFICE,
  extendProposal: OFFICE,
  evaluateProposal: OFFICE,
  closeProposal: OFFICE,
  draftSentimentReport: OFFICE,
  submitSentimentReport: OFFICE,
  adoptSentimentReport: OFFICE,
  rejectSentimentReport: OFFICE,
  editSentimentReport: OFFICE,
  issueSentimentReport: OFFICE,
  recordLeaderInstruction: OFFICE,
  forwardSentimentReport: OFFICE,
  closeSentimentReport: OFFICE,
  submitSpeech: OFFICE,
  acceptSpeech: OFFICE,
  declineSpeech: OFFICE,
  deliverSpeech: OFFICE,
  submitSpecialReport: OFFICE,
  acceptSpecialReport: OFFICE,
  declineSpecialReport: OFFICE,
  deliverSpecialReport: OFFICE,
  acceptProposal: ['department'],
  sendBackProposal: ['department'],
  replyToProposal: ['department'],
  giveSentimentFeedback: ['department'],
  createWebhookSubscription: ['city', 'county', 'department'],
  pauseWebhookSubscription: ['city', 'county', 'department'],
  resumeWebhookSubscription: ['city', 'county', 'department'],
  deleteWebhookSubscription: ['city', 'county', 'department'],
  rotateWebhookSecret: ['city', 'county', 'department'],
  redeliverWebhook: ['city', 'county', 'department'],
  // The petitions bureau's steps, and the handling department's opinion.
  registerPetitionCase: ['department'],
  acceptPetitionCase: ['department'],
  recordPetitionSession: ['department'],
  givePetitionOpinion: ['department'],
  requestPetitionReview: ['department'],
  reviewPetitionCase: ['department'],
  closePetitionCase: ['department'],
};
/** Every `Type.field` of an introspected schema that holds personal data. */
function personalFieldsOf(schema: {
  types: Array<{ name: string; fields: Array<{ name: string }> | null }>;
}): string[] {
  return schema.types.flatMap((type) =>
    (type.fields ?? [])
      .filter(
        (field) =>
          PERSONAL_DATA_NAMES.test(field.name) ||
          PERSONAL_DATA_FIELDS.includes(`${type.name}.${field.name}`),
      )
      .map((field) => `${type.name}.${field.name}`),
  );
}

let stack: Stack;
let tokens: Record<Surface, string | null>;
beforeAll(async () => {
  stack = await startStack('surfaces');
  tokens = await surfaceTokens();
});
afterAll(() => stack?.stop());

const INTROSPECTION = `{ __schema {
  queryType { fields { name } } mutationType { fields { name } }
  types { name kind fields { name } }
} }`;

function offeredOn(table: Record<string, Surface[]>, surface: Surface): string[] {
  return Object.entries(table)
    .filter(([, surfaces]) => surfaces.includes(surface))
    .map(([field]) => field)
    .sort();
}

describe('the surfaces of the graph', () => {
  it('list every root field of the supergraph in the table of this test', () => {
    const supergraph = buildSchema(
      readFileSync(join(__dirname, '../../schema/supergraph.graphql'), 'utf8'),
    );
    const rootFields = (type: 'Query' | 'Mutation') =>
      Object.keys((supergraph.getType(type) as { getFields(): object }).getFields())
        .filter((name) => !name.startsWith('_'))
        .sort();
    expect(rootFields('Query')).toEqual(Object.keys(QUERY_FIELDS).sort());
    expect(rootFields('Mutation')).toEqual(Object.keys(MUTATION_FIELDS).sort());
  });

  it.each(ALL)('%s offers exactly its root fields, as introspection shows', async (surface) => {
    const schema = (await data(stack, surface, tokens[surface] ?? null, INTROSPECTION)).__schema;
    expect(schema.queryType.fields.map((field: { name: string }) => field.name).sort()).toEqual(
      offeredOn(QUERY_FIELDS, surface),
    );
    const mutations =
      schema.mutationType?.fields.map((field: { name: string }) => field.name).sort() ?? [];
    expect(mutations).toEqual(offeredOn(MUTATION_FIELDS, surface));
  });

  it('public offers no write and no personal data anywhere in its schema', async () => {
    const schema = (await data(stack, 'public', null, INTROSPECTION)).__schema;
    expect(schema.mutationType).toBeNull();
    expect(personalFieldsOf(schema)).toEqual([]);
    expect(schema.types.map((type: { name: string }) => type.name)).not.toEqual(
      expect.arrayContaining(['Member']),
    );
    expect(schema.types.map((type: { name: string }) => type.name)).not.toContain('PetitionCase');
  });

  it('department offers no personal data of members, residents or petitioners', async () => {
    const schema = (await data(stack, 'department', tokens.department!, INTROSPECTION)).__schema;
    expect(personalFieldsOf(schema)).toEqual([]);
  });

  it('refuses a field of another surface as invalid, not as hidden data', async () => {
    const response = await ask(stack, 'public', null, '{ members { totalCount } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers 401 without a token and 403 on a surface above the token’s level', async () => {
    const anonymous = await ask(stack, 'county', null, '{ viewer { level } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const county = await ask(stack, 'city', tokens.county!, '{ viewer { level } }');
    expect(county.status).toBe(403);
    expect(county.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      await data(stack, 'county', tokens.county!, '{ viewer { level roles division { name } } }'),
    ).toEqual({
      viewer: { level: 'COUNTY', roles: ['STAFF'], division: { name: '海州区' } },
    });
  });

  it('keeps the subgraphs closed to anyone but the gateway', async () => {
    for (const subgraph of Object.values(stack.subgraphs)) {
      const direct = await fetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cppcc-caller': 'forged' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(direct.status).toBe(401);
      expect(
        ((await direct.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
          .extensions.code,
      ).toBe('UNAUTHENTICATED');
    }
  });
});
