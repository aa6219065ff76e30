import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
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
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ errors, operationName }) {
          const facts = contextValue.requestLog;
          if (!facts) return;
          // The name of the operation that ran, from the document; never the request's own
          // `operationName` text, which may name nothing (and hold anything: operationPlugin).
          facts.operations.push(operationName ?? null);
          for (const error of errors ?? [])
            facts.errorCodes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}

/**
 * Refuses, before anything runs, a request whose `operationName` names no operation of its
 * document (or a document of several operations with none named): 400
 * OPERATION_RESOLUTION_FAILURE, without repeating the name. Left to the executor, the gateway's
 * query planner throws a plain error (a 500, its message holding the name).
 */
export function operationPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          throw new GraphQLError(
            request.operationName
              ? 'The operationName names no operation of the document.'
              : 'The document holds several operations: name the one to run (operationName).',
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
