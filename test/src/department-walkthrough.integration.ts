/**
 * docs/departments.md's walkthrough, run as written: its `sh` blocks in one bash, against a fresh
 * stack and a real OpenID provider on loopback with a client per department (as `npm start`
 * registers them), with only the addresses of this run put in for `npm start`'s fixed ones. A
 * change that breaks a command of the page fails here.
 */
import { generateOrganizationDemo } from '@cppcc/demo';
import { DEV_GRAPH_AUDIENCE, departmentClients, writeClientsTable } from '@cppcc/scripts';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startIdentityProvider, type TestIdentityProvider } from './support/identity-provider';
import { TEST_AUTH_JWT_SECRET, startStack, type Stack } from './support/stack';

jest.setTimeout(240_000);

const REPO_ROOT = resolve(__dirname, '../..');
const PAGE = join(REPO_ROOT, 'docs/departments.md');

let stack: Stack;
let provider: TestIdentityProvider;
let folder: string;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cppcc-walkthrough-'));
  const departments = generateOrganizationDemo({ seed: 7, scale: 0.1 }).departments;
  const clients = departmentClients(departments, randomBytes(32).toString('base64url'));
  writeClientsTable(join(folder, 'department-clients.tsv'), clients);
  provider = await startIdentityProvider({
    audiences: [DEV_GRAPH_AUDIENCE],
    clients: clients.map(({ name: _name, ...client }) => client),
  });
  stack = await startStack('walkthrough', {
    demo: true,
    env: {
      AUTH_JWKS_URL: provider.jwksUrl,
      AUTH_JWT_ISSUER: provider.issuer,
      AUTH_JWT_AUDIENCE: DEV_GRAPH_AUDIENCE,
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await provider?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The page's `sh` blocks, in order, with this run's addresses for npm start's. */
function walkthroughScript(receiverPort: number): string {
  const page = readFileSync(PAGE, 'utf8');
  const blocks = [...page.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  expect(blocks.length).toBeGreaterThanOrEqual(6);
  const gateway = new URL(stack.gateway.origin).host;
  return [
    'set -euo pipefail',
    // The receiver is left running if a step fails.
    'trap \'[ -n "${RECEIVER:-}" ] && kill "$RECEIVER" 2>/dev/null || true\' EXIT',
    ...blocks,
  ]
    .join('\n')
    .replaceAll('http://127.0.0.1:4005', provider.issuer)
    .replaceAll('localhost:4000', gateway)
    .replaceAll(/\b9000\b/g, String(receiverPort))
    .replaceAll('.data/department-clients.tsv', join(folder, 'department-clients.tsv'))
    .replaceAll('node docs/examples/', `node ${REPO_ROOT}/docs/examples/`)
    .replaceAll(
      'npm run token --silent --',
      `node ${require.resolve('@cppcc/scripts/dist/token.js')}`,
    );
}

function bash(script: string, timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn('bash', ['-c', script], {
      cwd: folder,
      env: { ...process.env, AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

describe('the departments’ walkthrough (docs/departments.md)', () => {
  it('runs as written: token, webhook, proposal.assigned verified, read, reply', async () => {
    const { code, out } = await bash(walkthroughScript(await freePort()), 180_000);
    if (code !== 0) throw new Error(`the walkthrough stopped (${code}):\n${out}`);
    // Every answer of the graph is data, none an error.
    const answers = out.split('\n').filter((line) => line.startsWith('{"data"'));
    expect(answers.length).toBeGreaterThanOrEqual(7);
    expect(out).not.toMatch(/"errors"/);
    expect(out).toMatch(/"viewer":\{"level":"DEPARTMENT"\}/);
    expect(out).toMatch(/"replyToProposal":\{"id":"[^"]+","status":"REPLIED"\}/);
    // The receiver verified each delivery and printed each event once, in the steps' order.
    const events = out
      .split('\n')
      .filter((line) => line.startsWith('{"webhookId"'))
      .map((line) => JSON.parse(line));
    const proposalId = /"assignProposal":\{"id":"([^"]+)"/.exec(out)?.[1];
    const types = [...new Map(events.map((event) => [event.webhookId, event])).values()]
      .filter((event) => event.data.recordId === proposalId)
      .map((event) => event.type);
    expect(types).toEqual(['proposal.assigned', 'proposal.accepted', 'proposal.replied']);
  });
});
