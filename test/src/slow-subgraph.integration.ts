import { loadConfig, startGateway, type RunningGateway } from '@cppcc/gateway';
import { createLogger } from '@cppcc/toolkit';
import { TEST_INTERNAL_AUTH_SECRET } from '@cppcc/toolkit/testing';
import { createServer, type Server } from 'node:net';
import {
  TEST_AUTH_JWT_SECRET,
  data,
  startStack,
  subgraphUrls,
  tokenFor,
  type Stack,
} from './support/stack';

/**
 * A subgraph that accepts the connection and never answers: the gateway gives up on it after its
 * timeout and answers with everything else, never a hang.
 */
let stack: Stack;
let silent: Server;
let gateway: RunningGateway;
// Long enough for a healthy subgraph on a busy 2-core machine, short enough for a test.
const TIMEOUT_MS = 2_000;

beforeAll(async () => {
  stack = await startStack('slow-subgraph');
  silent = createServer(() => undefined); // holds every connection open, says nothing
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as { port: number }).port;
  gateway = await startGateway(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ...subgraphUrls(stack.subgraphs),
      DELIBERATION_URL: `http://127.0.0.1:${port}/graphql`,
      SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
      AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET,
      INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
      TRUSTED_DOCUMENTS_ONLY: 'none',
    }),
    createLogger('e2e', 'silent'),
  );
  const city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  await data(
    stack,
    'city',
    city,
    `mutation { createHome(input: { name: "慢之家", divisionCode: "320706001" }) { id } }`,
  );
});
afterAll(async () => {
  await gateway?.stop();
  silent?.close();
  await stack?.stop();
});

it('answers within the timeout with the other subgraphs’ data and an error naming the slow one', async () => {
  const token = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
  const started = Date.now();
  const response = await fetch(`${gateway.origin}/graphql/city`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: '{ homes { edges { node { name sessions { totalCount } demands { totalCount } } } } }',
    }),
  });
  const elapsed = Date.now() - started;
  const body = (await response.json()) as any;
  expect(elapsed).toBeLessThan(TIMEOUT_MS + 3_000);
  expect(body.data.homes.edges[0].node).toEqual({
    name: '慢之家',
    sessions: null,
    demands: { totalCount: 0 },
  });
  expect(body.errors[0]).toMatchObject({
    message: expect.stringContaining(`did not answer within ${TIMEOUT_MS} ms`),
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'deliberation' },
  });
});
