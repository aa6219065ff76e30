import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { hasPublicCode } from './errors';
import type { Logger } from './logger';

/**
 * Logs the errors that reach clients as INTERNAL_SERVER_ERROR, with their stack, so they can be
 * fixed; the operation name is logged, never its variables (they may hold personal data).
 * `handled`, when given, sees each error first and takes it over by answering true (a subgraph
 * sends failures on an unreachable database to its outage watch instead).
 */
export function logUnexpectedErrors(
  logger: Logger,
  handled?: (error: GraphQLError) => boolean,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (handled?.(error)) continue;
            if (!hasPublicCode(error))
              logger.error(
                { err: error.originalError ?? error, operationName, path: error.path },
                'unexpected error',
              );
          }
        },
      };
    },
  };
}
