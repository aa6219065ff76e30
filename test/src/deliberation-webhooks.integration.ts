import { Receiver, eventually } from '@cppcc/toolkit/testing';
import { restartSubgraph } from './support/restart';
import { data, startStack, tokenFor, type Stack } from './support/stack';

/**
 * Deliberation's events reach the webhook subscriptions channels keeps, through deliberation's
 * event feed (no call between the services' code): the invited department, the owner of a
 * follow-up action and the division's office hear of them, another department does not, and a
 * restart of either process while events wait loses none and sends none twice.
 */
let stack: Stack;
let city: string;
const receivers = {
  housing: new Receiver({ failFirst: 0 }),
  education: new Receiver({ failFirst: 0 }),
  office: new Receiver({ failFirst: 0 }),
  /** The office of another county (灌南县): none of it is its division's. */
  otherCounty: new Receiver({ failFirst: 0 }),
};

beforeAll(async () => {
  stack = await startStack('deliberation_webhooks');
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
});
afterAll(async () => {
  await stack?.stop();
  for (const receiver of Object.values(receivers)) await receiver.stop().catch(() => undefined);
});

const asCity = (query: string, variables?: Record<string, unknown>) =>
  data(stack, 'city', city, query, variables);

const createDepartment = async (name: string) =>
  (
    await asCity(
      `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
      {
        input: {
          name,
          shortName: name.slice(-4),
          divisionCode: '320706',
          kind: 'GOVERNMENT_DEPARTMENT',
        },
      },
    )
  ).createDepartment.id as string;

const departmentToken = (departmentId: string) =>
  tokenFor({ level: 'DEPARTMENT', division: '320706', departmentId, roles: ['DEPARTMENT'] });

const SUBSCRIPTIONS = `{ webhookSubscriptions { edges { node { id
  deliveries(first: 50) { totalCount edges { node { eventType status attemptCount } } } } } } }`;

/** Subscribes the receiver's URL as the caller; the receiver verifies with the secret. */
async function subscribe(
  surface: 'city' | 'county' | 'department',
  token: string,
  receiver: Receiver,
  eventTypes: string[],
) {
  const url = await receiver.start();
  const answer = await data(
    stack,
    surface,
    token,
    `mutation($input: CreateWebhookSubscriptionInput!) {
       createWebhookSubscription(input: $input) { secret subscription { eventTypes } } }`,
    { input: { url, eventTypes } },
  );
  expect(answer.createWebhookSubscription.subscription.eventTypes).toEqual(eventTypes);
  receiver.secrets = [answer.createWebhookSubscription.secret];
}

/** Whether deliberation knows the departments and the home yet (the organization's feeds). */
const knownToDeliberation = async (homeId: string, departmentIds: string[]) => {
  const connection = stack.subgraphs.deliberation.orm.em.getConnection();
  const [{ departments }] = await connection.execute<Array<{ departments: string }>>(
    'select count(*) as departments from department_projection where id = any(?::uuid[])',
    [`{${departmentIds.join(',')}}`],
  );
  const homes = await connection.execute('select 1 from home_projection where id = ?', [homeId]);
  expect(Number(departments)).toBe(departmentIds.length);
  expect(homes).toHaveLength(1);
};

it('tells the invited department and the office, not the other department, across restarts of either process', async () => {
  const housing = await createDepartment('海州区住房和城乡建设局');
  const education = await createDepartment('海州区教育局');
  const home = (
    await asCity(
      `mutation { createHome(input: { name: "电梯议事之家", divisionCode: "320706001" }) { id } }`,
    )
  ).createHome.id as string;
  await eventually(() => knownToDeliberation(home, [housing, education]), 20_000);

  const TYPES = ['session.departmentInvited', 'minutes.actionAssigned', 'minutes.published'];
  // A department subscribes to what reaches departments (minutes.published is the offices').
  const OF_DEPARTMENTS = TYPES.slice(0, 2);
  await subscribe('department', await departmentToken(housing), receivers.housing, OF_DEPARTMENTS);
  await subscribe(
    'department',
    await departmentToken(education),
    receivers.education,
    OF_DEPARTMENTS,
  );
  await subscribe('city', city, receivers.office, TYPES);
  const guannan = await tokenFor({ level: 'COUNTY', division: '320724', roles: ['STAFF'] });
  await subscribe('county', guannan, receivers.otherCounty, TYPES);

  // Both processes go down with the invitation written but not yet read by channels.
  await stack.subgraphs.channels.stop();
  const session = (
    await asCity(
      `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`,
      {
        input: {
          homeId: home,
          title: '老旧小区加装电梯协商议事会',
          kind: 'COUNCIL',
          scheduledAt: '2026-11-10T09:00:00+08:00',
          departmentIds: [housing],
        },
      },
    )
  ).scheduleSession.id as string;
  await stack.subgraphs.deliberation.stop();
  await restartSubgraph(stack, 'channels');
  // Channels finds deliberation's feed down for a while, then back.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(receivers.housing.requests).toHaveLength(0);
  await restartSubgraph(stack, 'deliberation');

  await asCity(
    `mutation($input: SessionStepInput!, $at: DateTime!) { recordSessionHeld(input: $input, heldAt: $at) { id } }`,
    { input: { sessionId: session }, at: '2026-11-10T09:00:00+08:00' },
  );
  const minutes = (
    await asCity(`mutation($input: DraftMinutesInput!) { draftMinutes(input: $input) { id } }`, {
      input: {
        sessionId: session,
        // The housing bureau owns the one follow-up action: only it hears of the action.
        actions: [
          {
            ownerKind: 'DEPARTMENT',
            ownerId: housing,
            description: '审核补贴申请',
            dueOn: '2027-01-15',
          },
        ],
        summary: '居民就加装电梯的费用分摊进行了协商。',
        consensus: ['按楼层分摊费用'],
        disagreements: [],
      },
    })
  ).draftMinutes.id as string;
  for (const step of ['approveMinutes', 'publishMinutes']) {
    await asCity(`mutation($input: MinutesStepInput!) { ${step}(input: $input) { id } }`, {
      input: { minutesId: minutes },
    });
  }

  /** What a receiver took, per record in the order it arrived (records' lanes run side by side). */
  const delivered = (receiver: Receiver, count: number) =>
    eventually(async () => {
      expect(receiver.delivered).toHaveLength(count);
      const byRecord: Record<string, Array<Record<string, unknown>>> = {};
      for (const { id, body } of receiver.delivered) {
        const { recordId, divisionCode, departmentIds } = body.data;
        (byRecord[recordId] ??= []).push({ type: body.type, id, divisionCode, departmentIds });
      }
      return byRecord;
    }, 60_000);
  const ofHousing = await delivered(receivers.housing, 2);
  expect(ofHousing).toEqual({
    [session]: [
      {
        type: 'session.departmentInvited',
        id: expect.any(String),
        divisionCode: '320706001',
        departmentIds: [housing],
      },
    ],
    [minutes]: [
      expect.objectContaining({ type: 'minutes.actionAssigned', departmentIds: [housing] }),
    ],
  });
  // The office hears of all three; the minutes' two events in the order they were taken.
  const ofOffice = await delivered(receivers.office, 3);
  expect(ofOffice[session]).toMatchObject([{ type: 'session.departmentInvited' }]);
  expect(ofOffice[minutes]).toMatchObject([
    { type: 'minutes.actionAssigned' },
    { type: 'minutes.published', departmentIds: [] },
  ]);
  // The same event, under the same webhook-id, for each subscription that receives it.
  expect(ofOffice[session][0].id).toBe(ofHousing[session][0].id);

  // Nothing more arrives once each was answered: every webhook-id once, every one verified.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  for (const [receiver, count] of [
    [receivers.housing, 2],
    [receivers.office, 3],
  ] as const) {
    expect(receiver.requests).toHaveLength(count);
    expect(new Set(receiver.requests.map((request) => request.id)).size).toBe(count);
    expect(receiver.requests.every((request) => request.verified)).toBe(true);
  }
  expect(receivers.education.requests).toHaveLength(0);
  expect(receivers.otherCounty.requests).toHaveLength(0);
  const ofEducation = await data(
    stack,
    'department',
    await departmentToken(education),
    SUBSCRIPTIONS,
  );
  expect(ofEducation.webhookSubscriptions.edges[0].node.deliveries.totalCount).toBe(0);
  const ofHousingGraph = await data(
    stack,
    'department',
    await departmentToken(housing),
    SUBSCRIPTIONS,
  );
  expect(
    ofHousingGraph.webhookSubscriptions.edges[0].node.deliveries.edges.map(
      ({ node }: { node: { eventType: string; status: string } }) => [node.eventType, node.status],
    ),
  ).toEqual([
    ['minutes.actionAssigned', 'SUCCEEDED'],
    ['session.departmentInvited', 'SUCCEEDED'],
  ]);
});
