/**
 * One federated request is one trace across the processes: the gateway, the subgraph processes
 * it reached, and their SQL statements. The processes run as `npm start` runs them (each built
 * `main.js` in its own Node process, so each with its own instrumentation, loaded first), told by
 * the standard `OTEL_*` variables to export over OTLP/HTTP to a receiver in this test, which keeps
 * the spans in memory. The `traceparent` therefore has to travel over HTTP from the gateway to each
 * subgraph: nothing is shared in memory between the processes.
 */
import { createTestDatabase, eventually, type TestDatabase } from '@cppcc/toolkit/testing';
import { TEST_INTERNAL_AUTH_SECRET } from '@cppcc/toolkit/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_AUTH_JWT_SECRET, tokenFor } from './support/stack';

const ROOT = resolve(__dirname, '../..');

interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP's span kind: 2 server, 3 client. */
  kind: number;
  attributes: Record<string, unknown>;
}

const spans: Span[] = [];
let receiver: Server;
let database: TestDatabase;
const children: ChildProcess[] = [];

/** An OTLP/HTTP receiver of traces in JSON (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`). */
function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const payload = JSON.parse(body) as {
          resourceSpans: Array<{
            resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
            scopeSpans: Array<{ spans: Array<Record<string, any>> }>;
          }>;
        };
        for (const { resource, scopeSpans } of payload.resourceSpans) {
          const service = resource.attributes.find((a) => a.key === 'service.name')?.value
            .stringValue as string;
          for (const { spans: batch } of scopeSpans)
            for (const span of batch)
              spans.push({
                service,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                kind: span.kind,
                attributes: Object.fromEntries(
                  (span.attributes ?? []).map(
                    (a: { key: string; value: Record<string, unknown> }) => [
                      a.key,
                      Object.values(a.value)[0],
                    ],
                  ),
                ),
              });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((done) =>
    receiver.listen(0, '127.0.0.1', () =>
      done(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}`),
    ),
  );
}

/** Starts a built process and resolves with the port it logged as ready on. */
function startProcess(script: string, env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, [resolve(ROOT, script)], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output: string[] = [];
  return new Promise((done, fail) => {
    createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      try {
        const record = JSON.parse(line) as { msg?: string; port?: number };
        if (record.port && /ready$/.test(record.msg ?? '')) done(record.port);
      } catch {
        // not a log record
      }
    });
    child.once('exit', (code) =>
      fail(new Error(`${script} exited (${code}) while starting:\n${output.join('\n')}`)),
    );
  });
}

let gatewayOrigin: string;
beforeAll(async () => {
  const endpoint = await startReceiver();
  database = await createTestDatabase('tracing');
  const otel = {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  const common = {
    ...otel,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
    DATABASE_URL: database.url,
  };
  // Deliberation and channels apply the same migrations to their own schemas: one at a time.
  const organization = await startProcess('services/organization/dist/main.js', common);
  const ORGANIZATION_URL = `http://127.0.0.1:${organization}/graphql`;
  const deliberation = await startProcess('services/deliberation/dist/main.js', {
    ...common,
    ORGANIZATION_URL,
  });
  const channels = await startProcess('services/channels/dist/main.js', {
    ...common,
    ORGANIZATION_URL,
    DELIBERATION_URL: `http://127.0.0.1:${deliberation}/graphql`,
  });
  const gateway = await startProcess('gateway/dist/main.js', {
    ...otel,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
    AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET,
    ORGANIZATION_URL,
    DELIBERATION_URL: `http://127.0.0.1:${deliberation}/graphql`,
    CHANNELS_URL: `http://127.0.0.1:${channels}/graphql`,
  });
  gatewayOrigin = `http://127.0.0.1:${gateway}`;
}, 120_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  await new Promise((done) => receiver?.close(done));
  await database?.drop();
});

describe('a federated request', () => {
  it('is one trace across the gateway and every subgraph it reached, with its SQL statements', async () => {
    const token = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
    const response = await fetch(`${gatewayOrigin}/graphql/city`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'cache-control': 'no-cache',
      },
      body: JSON.stringify({
        query: `query CityFigures { division(code: "3207") { name
          homeStats { homes }
          sessionStats(year: 2026, quarter: 4) { held }
          channelStats(year: 2026) { demandsReceived } } }`,
      }),
    });
    const answer = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(answer.errors).toBeUndefined();

    // The gateway's server span of the request is the root of the trace.
    const root = await eventually(async () => {
      const found = spans.find(
        (span) =>
          span.service === 'gateway' &&
          span.kind === 2 &&
          !span.parentSpanId &&
          String(
            span.attributes['http.target'] ?? span.attributes['url.path'] ?? span.name,
          ).includes('/graphql/city'),
      );
      if (!found) throw new Error('no server span of the gateway yet');
      return found;
    });
    const trace = (service: string) =>
      spans.filter((span) => span.traceId === root.traceId && span.service === service);

    await eventually(async () => {
      for (const service of ['organization', 'deliberation', 'channels']) {
        // Each subgraph's server span is a child of one of the gateway's client spans (its fetch):
        // the traceparent travelled in the request's headers.
        const gatewayClients = new Set(
          trace('gateway')
            .filter((span) => span.kind === 3)
            .map((span) => span.spanId),
        );
        const servers = trace(service).filter((span) => span.kind === 2);
        if (!servers.length) throw new Error(`no server span of ${service} in the trace yet`);
        expect(servers.some((span) => gatewayClients.has(span.parentSpanId!))).toBe(true);
        // And its statements are spans of the same trace.
        const statements = trace(service).filter(
          (span) =>
            span.attributes['db.system'] === 'postgresql' ||
            span.attributes['db.system.name'] === 'postgresql',
        );
        if (!statements.length) throw new Error(`no SQL span of ${service} in the trace yet`);
        const text = statements.map((span) =>
          String(span.attributes['db.statement'] ?? span.attributes['db.query.text'] ?? ''),
        );
        expect(text.some((statement) => /\bselect\b/i.test(statement))).toBe(true);
      }
    });
    // The gateway's GraphQL work is traced too.
    expect(trace('gateway').some((span) => span.name.startsWith('graphql.'))).toBe(true);
  }, 60_000);
});
