import type { Logger } from '@cppcc/toolkit';
import { Writable } from 'node:stream';
import pino from 'pino';
import { data, startStack, tokenFor, type Stack } from './support/stack';

/** Every line the stack's processes log, parsed. */
const lines: Array<Record<string, unknown>> = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
) as Logger;

/** The access log lines written since `from`. */
const requestLines = (from = 0) => lines.slice(from).filter((line) => line.msg === 'request');

/** Waits for the lines of answers just sent (they are written on `finish`). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

let stack: Stack;
let cityToken: string;
beforeAll(async () => {
  // The public surface allows 120 requests a minute, the city 600; at this scale, 1 and 6.
  stack = await startStack('observability', { rateLimitScale: 0.01, logger });
  cityToken = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF'] });
});
afterAll(() => stack?.stop());

describe('the access log', () => {
  it('has one line for a request refused before GraphQL for want of a token (401)', async () => {
    const from = lines.length;
    const response = await fetch(`${stack.gateway.origin}/graphql/city`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'obs-401' },
      body: JSON.stringify({ query: '{ viewer { level } }', variables: { phone: '13905181234' } }),
    });
    expect(response.status).toBe(401);
    await settle();
    const mine = requestLines(from).filter((line) => line.requestId === 'obs-401');
    expect(mine).toEqual([
      expect.objectContaining({
        status: 401,
        code: 'UNAUTHENTICATED',
        surface: 'city',
        path: '/graphql/city',
        method: 'POST',
      }),
    ]);
    expect(typeof mine[0].durationMs).toBe('number');
    expect(JSON.stringify(lines.slice(from))).not.toMatch(/13905181234/);
  });

  it('has one line for a request refused for its rate (429)', async () => {
    const from = lines.length;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${stack.gateway.origin}/graphql/public`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': `obs-429-${i}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toContain(429);
    await settle();
    const refused = requestLines(from).filter((line) => line.status === 429);
    expect(refused.length).toBe(statuses.filter((status) => status === 429).length);
    expect(refused[0]).toMatchObject({ code: 'RATE_LIMITED', surface: 'public', caller: 'public' });
  });

  it('has one line per request, in the gateway and in each subgraph it reached, with one request id', async () => {
    const from = lines.length;
    const response = await fetch(`${stack.gateway.origin}/graphql/city`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${cityToken}`,
        'x-request-id': 'obs-ok',
      },
      body: JSON.stringify({
        query: 'query ViewerDivision { viewer { level division { name } } }',
      }),
    });
    expect(response.status).toBe(200);
    await settle();
    const mine = requestLines(from).filter((line) => line.requestId === 'obs-ok');
    const gateway = mine.filter((line) => line.path === '/graphql/city');
    expect(gateway).toEqual([
      expect.objectContaining({
        status: 200,
        surface: 'city',
        caller: 'test:city:3207',
        callerLevel: 'CITY',
        operationName: 'ViewerDivision',
      }),
    ]);
    // The subgraphs' lines name the same caller and surface, from the caller the gateway signed.
    const subgraphs = mine.filter((line) => line.path === '/graphql');
    expect(subgraphs.length).toBeGreaterThanOrEqual(1);
    expect(subgraphs[0]).toMatchObject({ status: 200, surface: 'city', caller: 'test:city:3207' });
  });
});

describe('/metrics', () => {
  const scrape = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  /** The value of the first sample `name` whose labels include `labels`, if any. */
  const sample = (text: string, name: string, labels: Record<string, string>) => {
    for (const [, sampleName, labelText, value] of text.matchAll(
      /^([a-z_]+)\{([^}]*)\} (\S+)$/gm,
    )) {
      if (sampleName !== name) continue;
      const found = Object.fromEntries(
        [...labelText.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, val]) => [key, val]),
      );
      if (Object.entries(labels).every(([key, val]) => found[key] === val)) return Number(value);
    }
    return undefined;
  };
  const names = (text: string) =>
    new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map(([, name]) => name));

  it('answers on the gateway with requests, latencies, subgraph fetches, the answer cache, refusals and the process', async () => {
    const query = 'query CityStats { division(code: "3207") { name homeStats { homes } } }';
    await data(stack, 'city', cityToken, query);
    await data(stack, 'city', cityToken, query);
    const text = await scrape(`${stack.gateway.origin}/metrics`);
    for (const name of [
      'cppcc_requests_total',
      'cppcc_request_duration_seconds',
      'cppcc_rate_limited_total',
      'cppcc_subgraph_fetch_duration_seconds',
      'cppcc_subgraph_fetch_errors_total',
      'cppcc_response_cache_lookups_total',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(names(text)).toContain(name);
    const gateway = { service: 'gateway' };
    const cityStats = {
      ...gateway,
      surface: 'city',
      route: 'graphql',
      operation: 'CityStats',
    };
    expect(sample(text, 'cppcc_requests_total', { ...cityStats, outcome: 'ok' })).toBe(2);
    expect(sample(text, 'cppcc_request_duration_seconds_count', cityStats)).toBe(2);
    expect(
      sample(text, 'cppcc_requests_total', {
        ...gateway,
        surface: 'city',
        operation: 'none',
        outcome: 'UNAUTHENTICATED',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'cppcc_rate_limited_total', { ...gateway, surface: 'public' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'cppcc_subgraph_fetch_duration_seconds_count', {
        ...gateway,
        subgraph: 'organization',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
    // The second time it was answered from the cache (figures of divisions are kept 30 s).
    for (const result of ['hit', 'miss'])
      expect(
        sample(text, 'cppcc_response_cache_lookups_total', { ...gateway, result }),
      ).toBeGreaterThanOrEqual(1);
  });

  it('answers on each subgraph with its requests, its database pool and the change feeds it follows', async () => {
    for (const [name, subgraph] of Object.entries(stack.subgraphs)) {
      const text = await scrape(new URL('/metrics', subgraph.url).href);
      for (const metric of [
        'cppcc_requests_total',
        'cppcc_request_duration_seconds',
        'cppcc_db_pool_connections',
        'cppcc_db_pool_max',
        'cppcc_change_feed_lag_seconds',
        'process_cpu_seconds_total',
        'nodejs_eventloop_lag_seconds',
      ])
        expect(names(text)).toContain(metric);
      expect(sample(text, 'cppcc_db_pool_connections', { service: name, state: 'free' })).toEqual(
        expect.any(Number),
      );
      expect(sample(text, 'cppcc_db_pool_max', { service: name })).toBe(10);
    }
    const organization = await scrape(new URL('/metrics', stack.subgraphs.organization.url).href);
    expect(
      sample(organization, 'cppcc_requests_total', {
        service: 'organization',
        surface: 'city',
        route: 'graphql',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
    // Channels follows the organization's feed of homes, polled every second.
    const channels = await scrape(new URL('/metrics', stack.subgraphs.channels.url).href);
    expect(
      sample(channels, 'cppcc_change_feed_lag_seconds', {
        service: 'channels',
        feed: 'organization.homes',
      }),
    ).toBeLessThan(30);
  });

  it('is not served on a surface’s path', async () => {
    const response = await fetch(`${stack.gateway.origin}/graphql/city/metrics`, {
      headers: { authorization: `Bearer ${cityToken}` },
    });
    expect(await response.text()).not.toMatch(/cppcc_requests_total/);
  });
});
