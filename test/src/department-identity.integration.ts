/**
 * Departments' systems authenticate with OAuth 2.0 client credentials from a real OpenID
 * provider on loopback (oidc-provider): the gateway verifies their JWT access tokens through
 * AUTH_JWKS_URL, checks issuer, audience and expiry, follows a key rotation without a restart
 * and maps the client's claims to the department it calls for.
 */
import { generateOrganizationDemo } from '@cppcc/demo';
import { exportJWK, generateKeyPair, decodeProtectedHeader } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import { startIdentityProvider, type TestIdentityProvider } from './support/identity-provider';
import { ask, data, startStack, tokenFor, type Stack } from './support/stack';
import { stableId } from '@cppcc/organization';

jest.setTimeout(180_000);

const AUDIENCE = 'https://graph.cppcc.test/';
const OTHER_SYSTEM = 'https://case-system.test/';
const secret = () => randomBytes(24).toString('base64url');

let stack: Stack;
let provider: TestIdentityProvider;
/** Another issuer holding the same keys: only its `iss` tells its tokens apart. */
let otherIssuer: TestIdentityProvider;
let A: { id: string; division: string };
let B: { id: string; division: string };
const clients = {
  a: { clientId: 'department-a', clientSecret: secret() },
  b: { clientId: 'department-b', clientSecret: secret() },
  shortLived: { clientId: 'department-a-short', clientSecret: secret() },
  noClaims: { clientId: 'another-system', clientSecret: secret() },
  cityLevel: { clientId: 'city-dashboard', clientSecret: secret() },
};

const departmentClaims = (department: { id: string; division: string }) => ({
  level: 'DEPARTMENT',
  division: department.division,
  departmentId: department.id,
  roles: ['DEPARTMENT'],
});

beforeAll(async () => {
  // The departments of the demo the stack loads (the same seed and scale).
  const departments = generateOrganizationDemo({ seed: 7, scale: 0.1 }).departments.filter(
    (department) => department.division_code === '3207',
  );
  [A, B] = departments
    .slice(0, 2)
    .map((department) => ({ id: department.id, division: department.division_code }));

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const keys = [{ ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' }];
  const options = {
    audiences: [AUDIENCE, OTHER_SYSTEM],
    keys,
    clients: [
      { ...clients.a, claims: departmentClaims(A) },
      { ...clients.b, claims: departmentClaims(B) },
      { ...clients.shortLived, claims: departmentClaims(A), accessTokenTtl: 6 },
      clients.noClaims,
      // A client whose claims name a department level without a department.
      { ...clients.cityLevel, claims: { level: 'DEPARTMENT', division: '3207', roles: [] } },
    ],
  };
  provider = await startIdentityProvider(options);
  otherIssuer = await startIdentityProvider(options);
  stack = await startStack('oidc', {
    demo: true,
    env: {
      AUTH_JWKS_URL: provider.jwksUrl,
      AUTH_JWT_ISSUER: provider.issuer,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      AUTH_JWKS_COOLDOWN_MS: '500',
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await provider?.stop();
  await otherIssuer?.stop();
});

async function accessToken(
  from: TestIdentityProvider,
  client: { clientId: string; clientSecret: string },
  resource?: string,
): Promise<string> {
  const answer = await from.token(client.clientId, client.clientSecret, resource);
  expect(answer).toMatchObject({ status: 200, body: { token_type: 'Bearer' } });
  return answer.body.access_token as string;
}

const INBOX = `query($id: ID!) { viewer { level }
  department(id: $id) { id assignedProposals(first: 100) { edges { node { id title status } } } } }`;

/** The city office drafts, registers and assigns a proposal to a department; its id. */
async function assigned(departmentId: string): Promise<string> {
  const office = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  const step = 'mutation($i: ProposalStepInput!)';
  const { draftProposal } = await data(
    stack,
    'city',
    office,
    `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`,
    {
      input: {
        kind: 'MEMBER',
        // A member of 海州区's CPPCC: a county proposal names its county's members or the city's.
        leadMemberId: stack.demo!.organization.committeeMemberships.find(
          (seat) => seat.committee_id === stableId('committee', '320706'),
        )!.member_id,
        divisionCode: '320706',
        title: '关于完善老旧小区加装电梯补贴办法的建议',
        content: '多层老旧小区加装电梯意愿强烈，补贴标准与审批流程有待统一。',
      },
    },
  );
  const i = { proposalId: draftProposal.id };
  await data(stack, 'city', office, `${step} { submitProposal(input: $i) { id } }`, { i });
  await data(stack, 'city', office, `${step} { registerProposal(input: $i) { id } }`, { i });
  await data(
    stack,
    'city',
    office,
    `${step.replace(')', ', $lead: ID!)')} { assignProposal(input: $i, leadDepartmentId: $lead) { id } }`,
    { i, lead: departmentId },
  );
  return draftProposal.id;
}

describe('a department system’s client-credentials token', () => {
  it('is a JWT for the graph’s audience carrying the client and the department', async () => {
    const token = await accessToken(provider, clients.a);
    const [, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      iss: provider.issuer,
      aud: AUDIENCE,
      sub: clients.a.clientId,
      client_id: clients.a.clientId,
      level: 'DEPARTMENT',
      departmentId: A.id,
    });
  });

  it('reads its inbox through /graphql/department, and not another department’s', async () => {
    const proposalId = await assigned(A.id);
    const a = await accessToken(provider, clients.a);
    const inbox = await data(stack, 'department', a, INBOX, { id: A.id });
    expect(inbox.viewer.level).toBe('DEPARTMENT');
    const ids = inbox.department.assignedProposals.edges.map(({ node }: any) => node.id);
    expect(ids).toContain(proposalId);

    const b = await accessToken(provider, clients.b);
    const ofB = await data(stack, 'department', b, INBOX, { id: B.id });
    expect(ofB.department.assignedProposals.edges.map(({ node }: any) => node.id)).not.toContain(
      proposalId,
    );
    // A's inbox and the proposal itself look absent to B.
    const peek = await data(stack, 'department', b, INBOX, { id: A.id });
    expect(
      (peek.department?.assignedProposals?.edges ?? []).map(({ node }: any) => node.id),
    ).not.toContain(proposalId);
    const proposal = await ask(
      stack,
      'department',
      b,
      `query($id: ID!) { proposal(id: $id) { id } }`,
      {
        id: proposalId,
      },
    );
    expect(proposal.data?.proposal ?? null).toBeNull();
  });

  it('is refused (401) from another issuer, for another audience, or expired', async () => {
    const refusals: Array<[string, string, RegExp]> = [
      ['another issuer', await accessToken(otherIssuer, clients.a), /issued by .*\(iss\)/],
      [
        'another audience',
        await accessToken(provider, clients.a, OTHER_SYSTEM),
        /not meant for this graph \(aud\)/,
      ],
    ];
    const shortLived = await accessToken(provider, clients.shortLived);
    expect((await ask(stack, 'department', shortLived, '{ viewer { level } }')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 7_100));
    refusals.push(['expired', shortLived, /expired/]);
    for (const [, token, message] of refusals) {
      const answer = await ask(stack, 'department', token, '{ viewer { level } }');
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(answer.errors?.[0].message).toMatch(message);
    }
  });

  it('is refused (401) when its claims name no department, saying which claim', async () => {
    for (const [client, claim] of [
      [clients.noClaims, /: level: /],
      [clients.cityLevel, /: departmentId: a DEPARTMENT token names its department/],
    ] as const) {
      const answer = await ask(stack, 'department', await accessToken(provider, client), INBOX, {
        id: A.id,
      });
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(answer.errors?.[0].message).toMatch(claim);
    }
  });

  it('is signed by a rotated key and still accepted, without restarting the gateway', async () => {
    const before = await accessToken(provider, clients.a);
    expect((await ask(stack, 'department', before, '{ viewer { level } }')).status).toBe(200);
    const kid = await provider.rotateKey();
    const after = await accessToken(provider, clients.a);
    expect(decodeProtectedHeader(after).kid).toBe(kid);
    expect(decodeProtectedHeader(before).kid).not.toBe(kid);
    // The gateway fetches the provider's keys again when a token names one it has not seen,
    // once the cooldown since its last fetch has passed.
    await new Promise((resolve) => setTimeout(resolve, 600));
    for (const token of [after, before]) {
      const answer = await ask(stack, 'department', token, INBOX, { id: A.id });
      expect(answer.status).toBe(200);
      expect(answer.data?.department.id).toBe(A.id);
    }
  });
});
