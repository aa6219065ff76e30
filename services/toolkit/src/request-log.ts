import type { ApolloServerPlugin } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import type { Caller } from './context';
import type { Logger } from './logger';

/** The header that carries a request's id from the client, through the gateway, to the subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The client's request id when it is a plain token, otherwise a fresh one. */
export function requestIdFrom(header: string | undefined): string {
  return header && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
}

/**
 * One structured log line per GraphQL request: request id, caller (its id, never its personal
 * data), surface, operation name, duration and error codes. Variables are never logged.
 */
export function requestLogPlugin<Context extends { caller?: Caller; requestId?: string }>(
  logger: Logger,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ errors, operationName }) {
          logger.info(
            {
              requestId: contextValue.requestId,
              caller: contextValue.caller?.subject,
              callerLevel: contextValue.caller?.level,
              surface: contextValue.caller?.surface,
              operationName: operationName ?? request.operationName ?? null,
              durationMs: Number((process.hrtime.bigint() - started) / 1_000n) / 1_000,
              errorCodes: errors?.map((error) => error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
