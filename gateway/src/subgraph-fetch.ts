import { ErrorCode, signCallerToken, type Caller } from '@cppcc/contract';
import { GraphQLError } from 'graphql';

/** The code of the error that stands in for the part of an answer a subgraph did not give. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** The fetch a subgraph data source is given (`RemoteGraphQLDataSource`'s `fetcher`). */
export type SubgraphFetch = (input: string, init: RequestInit) => Promise<Response>;

/** A query the gateway planned (`{"query":"query …` or `{"query":"{…`), never a mutation. */
const PLANNED_QUERY = /^\{"query":"(?:query\b|\{)/;

/** What a connection says when the subgraph's side closed it before an answer came. */
const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function connectionClosed(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && CLOSED_CODES.has(code)) return true;
    current = cause;
  }
  return false;
}

/**
 * Fetches from a subgraph within the timeout. A subgraph that is down or too slow answers, in
 * its stead, a GraphQL error naming it, so the gateway places the error at the missing part's
 * path and still returns what the other subgraphs gave. `fetchOnce` is the plain fetch (the
 * gateway's is timed, metrics.ts).
 *
 * A query whose connection was closed under it is sent once more, within the same timeout: a
 * kept-alive connection the subgraph closes as idle just as the gateway reuses it (a busy
 * process reads the close late) says nothing about the subgraph. A mutation is never sent twice:
 * it may have been applied.
 */
export function subgraphFetcher(
  name: string,
  timeoutMs: number,
  fetchOnce: SubgraphFetch = fetch,
): SubgraphFetch {
  return async (input, init) => {
    const deadline = Date.now() + timeoutMs;
    const send = () =>
      fetchOnce(input, {
        ...init,
        signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      });
    try {
      try {
        return await send();
      } catch (error) {
        const query = typeof init.body === 'string' && PLANNED_QUERY.test(init.body);
        if (!query || !connectionClosed(error)) throw error;
        return await send();
      }
    } catch (error) {
      const timedOut = (error as { name?: string } | null)?.name === 'TimeoutError';
      const message = `The ${name} service ${timedOut ? `did not answer within ${timeoutMs} ms` : 'is unavailable'}: its part of the answer is missing.`;
      return new Response(
        JSON.stringify({ errors: [{ message, extensions: { code: SERVICE_UNAVAILABLE } }] }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    }
  };
}

interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/**
 * Shares one subgraph fetch among identical ones in flight: the same query with the same
 * variables, to the same subgraph, for the same signed caller (so never across jurisdictions).
 * Under load a dashboard's many viewers ask the same thing at once; the subgraph answers it once
 * and each request gets its own copy of the answer. Only queries are shared, never a mutation,
 * and only while in flight: nothing is kept once answered.
 */
export function sharingInFlight(fetchOnce: SubgraphFetch, callerHeader: string): SubgraphFetch {
  const inFlight = new Map<string, Promise<Answer>>();
  return async (input, init) => {
    const body = init.body;
    const caller = new Headers(init.headers).get(callerHeader);
    if (typeof body !== 'string' || !caller || !PLANNED_QUERY.test(body)) {
      return fetchOnce(input, init);
    }
    const key = `${input}\n${caller}\n${body}`;
    let answer = inFlight.get(key);
    if (!answer) {
      answer = (async () => {
        const response = await fetchOnce(input, init);
        return {
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: await response.text(),
        };
      })().finally(() => inFlight.delete(key));
      inFlight.set(key, answer);
    }
    const { status, statusText, headers, body: text } = await answer;
    return new Response(text, { status, statusText, headers });
  };
}

/**
 * Signs each caller once per while rather than once per request: the token lives 120 s, so one
 * signed less than half that ago is reused. It saves a signature per request and lets identical
 * subgraph fetches of one caller be recognised as such (`sharingInFlight`).
 */
export function callerTokens(
  secret: string,
  reuseMs = 50_000,
  now: () => number = Date.now,
): (caller: Caller) => Promise<string> {
  const signed = new Map<string, { token: Promise<string>; until: number }>();
  const MAX_CALLERS = 10_000;
  return (caller) => {
    const key = JSON.stringify(caller);
    const time = now();
    const known = signed.get(key);
    if (known && known.until > time) return known.token;
    if (signed.size >= MAX_CALLERS) {
      for (const [k, entry] of signed) if (entry.until <= time) signed.delete(k);
      if (signed.size >= MAX_CALLERS) signed.clear();
    }
    const token = signCallerToken(caller, secret);
    token.catch(() => signed.delete(key));
    signed.set(key, { token, until: time + reuseMs });
    return token;
  };
}

/**
 * The error for a subgraph's non-2xx answer. A subgraph answers 400 when a variable does not fit
 * its type (graphql-js's `Variable "$a0" got invalid value "…" at "input.heldAt"`): that is the
 * caller's mistake, so it becomes BAD_USER_INPUT naming the field, the value left out (it may be
 * personal data). The gateway checks its arguments first (input-check.ts in the toolkit); this is
 * for what the subgraph's types know beyond the surface's. Anything else stays an internal error,
 * with the answer's status only.
 */
export function subgraphRefusal(status: number, body: unknown): GraphQLError {
  const errors = (body as { errors?: Array<{ extensions?: Record<string, unknown> }> } | null)
    ?.errors;
  const first = Array.isArray(errors)
    ? (errors[0] as { message?: unknown; extensions?: Record<string, unknown> } | undefined)
    : undefined;
  if (status === 400 && first?.extensions?.code === ErrorCode.BAD_USER_INPUT) {
    const field = typeof first.extensions.field === 'string' ? first.extensions.field : undefined;
    // The toolkit's own refusals say what is expected without the value: kept as they are.
    const own = typeof first.message === 'string' && !/got invalid value/.test(first.message);
    return new GraphQLError(
      own
        ? (first.message as string)
        : field
          ? `${field} is not a valid value of its type.`
          : 'An argument is not a valid value of its type.',
      { extensions: { code: ErrorCode.BAD_USER_INPUT, field } },
    );
  }
  if (status === 401)
    return new GraphQLError(`${status}`, { extensions: { code: 'UNAUTHENTICATED' } });
  // A resolver's refusal of the caller (a step of another actor, another department's events):
  // the subgraph answers 403 because the error carries that status; its message names the rule.
  if (
    status === 403 &&
    first?.extensions?.code === ErrorCode.FORBIDDEN &&
    typeof first.message === 'string'
  ) {
    return new GraphQLError(first.message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
  return new GraphQLError(`The subgraph answered HTTP ${status}.`);
}
