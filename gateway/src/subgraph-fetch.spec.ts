import { CALLER_HEADER, verifyCallerToken, type Caller } from '@cppcc/contract';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  callerTokens,
  sharingInFlight,
  subgraphFetcher,
  subgraphRefusal,
  type SubgraphFetch,
} from './subgraph-fetch';

const URL_ = 'http://127.0.0.1:4003/graphql';
const query = (text: string, variables: object = {}) => JSON.stringify({ query: text, variables });
const init = (body: string, caller = 'token-a'): RequestInit => ({
  method: 'POST',
  headers: { [CALLER_HEADER]: caller, 'content-type': 'application/json' },
  body,
});

/** A subgraph that answers each fetch after the test lets it, counting what it was asked. */
function slowSubgraph() {
  const asked: string[] = [];
  const pending: Array<() => void> = [];
  const fetchOnce: SubgraphFetch = (_input, request) => {
    asked.push(request.body as string);
    return new Promise((resolve) => {
      pending.push(() =>
        resolve(
          new Response(JSON.stringify({ data: { n: asked.length } }), {
            status: 200,
            headers: { 'content-type': 'application/json', 'cache-control': 'max-age=30' },
          }),
        ),
      );
    });
  };
  return { asked, fetchOnce, answerAll: () => pending.splice(0).forEach((answer) => answer()) };
}

describe('subgraph fetches in flight', () => {
  it('are asked once when identical, and every request reads its own copy of the answer', async () => {
    const subgraph = slowSubgraph();
    const shared = sharingInFlight(subgraph.fetchOnce, CALLER_HEADER);
    const body = query('query Q__channels__1($y:Int){division{code}}', { y: 2025 });
    const answers = [shared(URL_, init(body)), shared(URL_, init(body)), shared(URL_, init(body))];
    await Promise.resolve();
    subgraph.answerAll();
    const responses = await Promise.all(answers);
    expect(subgraph.asked).toHaveLength(1);
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('max-age=30');
      expect(await response.json()).toEqual({ data: { n: 1 } });
    }
  });

  it('are asked apart for another caller, other variables, another subgraph or a mutation', async () => {
    const subgraph = slowSubgraph();
    const shared = sharingInFlight(subgraph.fetchOnce, CALLER_HEADER);
    const body = query('query Q__channels__1($y:Int){division{code}}', { y: 2025 });
    const mutation = query('mutation M__channels__0{replyToProposal{id}}');
    const answers = [
      shared(URL_, init(body)),
      shared(URL_, init(body, 'token-b')),
      shared(URL_, init(query('query Q__channels__1($y:Int){division{code}}', { y: 2024 }))),
      shared('http://127.0.0.1:4002/graphql', init(body)),
      shared(URL_, init(mutation)),
      shared(URL_, init(mutation)),
    ];
    await Promise.resolve();
    subgraph.answerAll();
    await Promise.all(answers);
    expect(subgraph.asked).toHaveLength(6);
  });

  it('are not kept once answered: the next identical fetch asks again', async () => {
    const subgraph = slowSubgraph();
    const shared = sharingInFlight(subgraph.fetchOnce, CALLER_HEADER);
    const body = query('{division{code}}');
    const first = shared(URL_, init(body));
    await Promise.resolve();
    subgraph.answerAll();
    await first;
    const second = shared(URL_, init(body));
    await Promise.resolve();
    subgraph.answerAll();
    expect(await (await second).json()).toEqual({ data: { n: 2 } });
    expect(subgraph.asked).toHaveLength(2);
  });

  it('share a failure too, and the next fetch tries again', async () => {
    let calls = 0;
    const failing: SubgraphFetch = async () => {
      calls += 1;
      throw new Error('connection refused');
    };
    const shared = sharingInFlight(failing, CALLER_HEADER);
    const body = query('{division{code}}');
    const results = await Promise.allSettled([shared(URL_, init(body)), shared(URL_, init(body))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(shared(URL_, init(body))).rejects.toThrow('connection refused');
    expect(calls).toBe(2);
  });
});

describe('caller tokens', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters!';
  const city: Caller = {
    subject: 'analyst-1',
    level: 'CITY',
    division: '3207',
    roles: ['ANALYST'],
    surface: 'city',
  };

  it('are signed once per caller and reused while young, then signed anew', async () => {
    let time = 1_000_000;
    const tokenOf = callerTokens(secret, 50_000, () => time);
    const first = await tokenOf(city);
    expect(await tokenOf({ ...city })).toBe(first);
    expect(await tokenOf({ ...city, subject: 'analyst-2' })).not.toBe(first);
    expect(await verifyCallerToken(first, secret)).toEqual(city);
    time += 50_001;
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a new issued-at second
    const renewed = await tokenOf(city);
    expect(renewed).not.toBe(first);
    expect(await verifyCallerToken(renewed, secret)).toEqual(city);
  });
});

describe('a subgraph’s refusal of a variable', () => {
  it('stays the caller’s mistake, BAD_USER_INPUT at its field, without the value', () => {
    const error = subgraphRefusal(400, {
      errors: [
        {
          message: 'Variable "$a0" got invalid value "13812345678" at "input.heldAt"',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.heldAt' },
        },
      ],
    });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.heldAt' });
    expect(error.message).not.toContain('13812345678');
  });

  it('keeps the message of the toolkit’s own refusal, which never holds the value', () => {
    const error = subgraphRefusal(400, {
      errors: [
        {
          message: 'id must be an id (a UUID).',
          extensions: { code: 'BAD_USER_INPUT', field: 'id' },
        },
      ],
    });
    expect(error.message).toBe('id must be an id (a UUID).');
  });

  it('keeps a resolver’s FORBIDDEN, which the subgraph answers with 403', () => {
    const error = subgraphRefusal(403, {
      errors: [
        {
          message: 'A department subscribes to its own events only.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
      data: null,
    });
    expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(error.message).toBe('A department subscribes to its own events only.');
  });

  it('is an internal error for anything else, with the status only', () => {
    const error = subgraphRefusal(500, { errors: [{ message: 'select … from member' }] });
    expect(error.extensions.code).toBeUndefined();
    expect(error.message).toBe('The subgraph answered HTTP 500.');
  });
});

describe('a subgraph that closes the connection under a fetch', () => {
  let server: Server;
  let url: string;
  const asked: string[] = [];
  beforeAll(async () => {
    // Closes the connection of the first request of each document without answering (as a
    // kept-alive connection closed as idle just when it is reused), answers the next.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        asked.push(body);
        if (asked.filter((seen) => seen === body).length === 1) return request.socket.destroy();
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { ok: true } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is asked a query once more, and its answer is served', async () => {
    const fetcher = subgraphFetcher('channels', 5_000);
    const body = query('query Q__channels__0{division{code}}');
    const response = await fetcher(url, init(body));
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(asked.filter((seen) => seen === body)).toHaveLength(2);
  });

  it('is never sent a mutation twice: its part is missing, named', async () => {
    const fetcher = subgraphFetcher('channels', 5_000);
    const body = query('mutation M__channels__0{raiseDemand{id}}');
    const response = await fetcher(url, init(body));
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The channels service is unavailable: its part of the answer is missing.',
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ],
    });
    expect(asked.filter((seen) => seen === body)).toHaveLength(1);
  });
});
