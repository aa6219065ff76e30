import type { ApolloServerPlugin } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import type { RequestFacts } from './access-log';

/** The header that carries a request's id from the client, through the gateway, to the subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The client's request id when it is a plain token, otherwise a fresh one. */
export function requestIdFrom(header: string | undefined): string {
  return header && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
}

/**
 * The GraphQL layer's part of a request's one log line (`accessLog`, access-log.ts): the
 * operation's name (each one's, in a batch) and the answer's error codes, added to the facts the
 * context carries (`requestLog`, the request's `res.locals.requestLog`). Variables never.
 */
export function requestLogPlugin<
  Context extends { requestLog?: RequestFacts },
>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, request }) {
      return {
        async willSendResponse({ errors, operationName }) {
          const facts = contextValue.requestLog;
          if (!facts) return;
          facts.operations.push(operationName ?? request.operationName ?? null);
          for (const error of errors ?? [])
            facts.errorCodes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}
