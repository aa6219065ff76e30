import express from 'express';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { accessLog, requestFactsOf } from './access-log';
import { ProcessMetrics } from './metrics';

/** An app behind the access log, with the log's lines captured, serving until `close`. */
async function serve(mount: (app: express.Express) => void) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'debug', redact: ['variables', '*.variables'] },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    }),
  );
  const metrics = new ProcessMetrics('test');
  const app = express();
  app.use(accessLog(logger, metrics));
  mount(app);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Waits for the line of a request just answered (written on `finish`). */
  const lineAfter = async (response: Response) => {
    await response.text();
    for (let i = 0; i < 50 && !lines.length; i++) await new Promise((r) => setTimeout(r, 10));
    return lines.shift()!;
  };
  return {
    origin,
    lines,
    metrics,
    lineAfter,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('the access log', () => {
  it("writes probes and feed polls that succeed at debug, callers' requests at info", async () => {
    const app = await serve((app) => {
      app.get('/healthz', (_req, res) => void res.json({ ok: true }));
      app.get('/internal/home-changes', (_req, res) => void res.json({ changes: [] }));
      app.get('/graphql/city', (_req, res) => void res.json({ data: {} }));
    });
    try {
      const levelOf = async (path: string) =>
        (await app.lineAfter(await fetch(`${app.origin}${path}`))).level;
      expect(await levelOf('/healthz')).toBe(20);
      expect(await levelOf('/internal/home-changes?after=0')).toBe(20);
      expect(await levelOf('/graphql/city')).toBe(30);
    } finally {
      await app.close();
    }
  });

  it("writes an outage's 503s at info (warned of once elsewhere), other 5xx at error", async () => {
    const app = await serve((app) => {
      app.get(
        '/readyz',
        (_req, res) => void res.status(503).json({ status: 'database unreachable' }),
      );
      app.get(
        '/export',
        (_req, res) =>
          void res
            .status(503)
            .json({ errors: [{ message: 'away', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }),
      );
      app.get('/graphql/city', (_req, res) => void res.status(503).json({ errors: [] }));
      app.get('/broken', (_req, res) => void res.status(500).json({ errors: [] }));
    });
    try {
      const levelOf = async (path: string) =>
        (await app.lineAfter(await fetch(`${app.origin}${path}`))).level;
      expect(await levelOf('/readyz')).toBe(30);
      expect(await levelOf('/export')).toBe(30);
      expect(await levelOf('/graphql/city')).toBe(50);
      expect(await levelOf('/broken')).toBe(50);
    } finally {
      await app.close();
    }
  });

  it('writes one line for a request refused before GraphQL, with its status and code', async () => {
    const app = await serve((app) =>
      app.use('/graphql/county', (_req, res) => {
        res
          .status(401)
          .json({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
      }),
    );
    try {
      const response = await fetch(`${app.origin}/graphql/county?variables=13905181234`, {
        headers: { 'x-request-id': 'req-401' },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-request-id')).toBe('req-401');
      const line = await app.lineAfter(response);
      expect(line).toMatchObject({
        msg: 'request',
        requestId: 'req-401',
        method: 'GET',
        path: '/graphql/county',
        status: 401,
        code: 'UNAUTHENTICATED',
        surface: 'county',
      });
      expect(typeof line.durationMs).toBe('number');
      // The query string (where a GET request's variables are) is never logged.
      expect(JSON.stringify(line)).not.toMatch(/13905181234/);
      expect(app.lines).toHaveLength(0);
      const text = await app.metrics.registry.metrics();
      expect(text).toMatch(
        /cppcc_requests_total\{surface="county",route="graphql",operation="none",outcome="UNAUTHENTICATED",service="test"\} 1/,
      );
    } finally {
      await app.close();
    }
  });

  it('carries what GraphQL learned: the caller, the operation and its error codes', async () => {
    const app = await serve((app) =>
      app.post('/graphql/city', (_req, res) => {
        res.locals.caller = { subject: 'dev:city:3207', level: 'CITY', surface: 'city' };
        const facts = requestFactsOf(res);
        facts.operations.push('CityHomes');
        facts.errorCodes.push('BAD_USER_INPUT');
        res.type('application/json').send('{"data":null}');
      }),
    );
    try {
      const response = await fetch(`${app.origin}/graphql/city`, { method: 'POST' });
      const line = await app.lineAfter(response);
      expect(line).toMatchObject({
        status: 200,
        caller: 'dev:city:3207',
        callerLevel: 'CITY',
        surface: 'city',
        operationName: 'CityHomes',
        code: 'BAD_USER_INPUT',
      });
      expect(typeof line.requestId).toBe('string');
      expect(await app.metrics.registry.metrics()).toMatch(
        /cppcc_requests_total\{surface="city",route="graphql",operation="CityHomes",outcome="BAD_USER_INPUT",service="test"\} 1/,
      );
    } finally {
      await app.close();
    }
  });

  it('counts a 429 as a rate-limit refusal', async () => {
    const app = await serve((app) =>
      app.use('/graphql/public', (_req, res) => {
        res
          .status(429)
          .json({ errors: [{ message: 'wait', extensions: { code: 'RATE_LIMITED' } }] });
      }),
    );
    try {
      const line = await app.lineAfter(await fetch(`${app.origin}/graphql/public`));
      expect(line).toMatchObject({ status: 429, code: 'RATE_LIMITED', surface: 'public' });
      expect(await app.metrics.registry.metrics()).toMatch(
        /cppcc_rate_limited_total\{surface="public",service="test"\} 1/,
      );
    } finally {
      await app.close();
    }
  });
});

describe('the metrics’ labels', () => {
  it('keep operation names bounded: odd or too many become (other)', () => {
    const metrics = new ProcessMetrics('test');
    expect(metrics.operationLabel('CityHomes')).toBe('CityHomes');
    expect(metrics.operationLabel(null)).toBe('(anonymous)');
    expect(metrics.operationLabel('not a name; drop table')).toBe('(other)');
    for (let i = 0; i < 200; i++) metrics.operationLabel(`Made${i}`);
    expect(metrics.operationLabel('Made150')).toBe('(other)');
    expect(metrics.operationLabel('CityHomes')).toBe('CityHomes');
    expect(metrics.outcomeLabel(200, undefined)).toBe('ok');
    expect(metrics.outcomeLabel(404, undefined)).toBe('HTTP_404');
  });
});
