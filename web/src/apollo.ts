import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import manifest from '../../schema/trusted-documents.json';
import type { Session, Surface } from './session';

/**
 * The registered operations' ids by name. The public surface runs registered operations only
 * (gateway/src/trusted-documents.ts): the page sends the id, never the text; `npm run schema`
 * registers web/src/operations/public/ as Apollo Client sends them.
 */
const registered = new Map(
  (manifest as { operations: Array<{ id: string; name: string }> }).operations.map((operation) => [
    operation.name,
    operation.id,
  ]),
);

/** The request context a page gives each query: which surface answers it. */
export interface SurfaceContext {
  surface: Surface;
}

/**
 * A client for one signed-in identity (or none): each operation goes to
 * `/graphql/<context.surface>`, with the identity's token on every surface but the public one.
 */
export function createClient(session: Session | null): ApolloClient<unknown> {
  const surfaceOf = (operation: { getContext(): Record<string, unknown> }) =>
    (operation.getContext().surface as Surface | undefined) ?? 'public';
  const prepare = new ApolloLink((operation, forward) => {
    const surface = surfaceOf(operation);
    if (surface === 'public') {
      const id = registered.get(operation.operationName);
      if (!id) throw new Error(`${operation.operationName} is not a registered operation`);
      operation.extensions = {
        ...operation.extensions,
        persistedQuery: { version: 1, sha256Hash: id },
      };
      operation.setContext({ http: { includeQuery: false, includeExtensions: true } });
    } else if (session) {
      operation.setContext({ headers: { authorization: `Bearer ${session.token}` } });
    }
    return forward(operation);
  });
  return new ApolloClient({
    link: ApolloLink.from([
      prepare,
      new HttpLink({ uri: (operation) => `/graphql/${surfaceOf(operation)}` }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // A division is known by its statistics code, everywhere in the graph.
        Division: { keyFields: ['code'] },
      },
    }),
  });
}
