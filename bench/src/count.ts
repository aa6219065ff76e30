/**
 * SQL statements per request, counted honestly: the three subgraphs and the gateway started in
 * the bench's own process from the same code the child processes run (`startSubgraph` with each
 * service's `SubgraphProcess`, `startGateway`), on the same database, with the toolkit's
 * `countQueries` listening on each ORM's connection; each request is sent once, alone, and the
 * statements of the change-feed followers (polling in the background) are left out.
 */
import { channelsSubgraph } from '@cppcc/channels';
import { deliberationSubgraph } from '@cppcc/deliberation';
import { loadConfig, startGateway } from '@cppcc/gateway';
import { organizationSubgraph } from '@cppcc/organization';
import { startSubgraph, type Logger, type StartedSubgraph } from '@cppcc/toolkit';
import { countQueries } from '@cppcc/toolkit/testing';

/** The statements of the change feeds and their followers: serving a page, applying it. */
export const FEED_STATEMENT =
  /change_cursor|_change where seq|^\s*(insert|update|begin|commit|rollback|savepoint|release)\b/i;

export interface CountRequest {
  label: string;
  surface: string;
  body: string;
  authorization: string;
}

export interface StatementCount {
  label: string;
  perSubgraph: Record<string, number>;
  total: number;
  errors: boolean;
}

export async function countStatements(
  databaseUrl: string,
  secrets: { AUTH_JWT_SECRET: string; INTERNAL_AUTH_SECRET: string },
  requests: CountRequest[],
  logger: Logger,
): Promise<StatementCount[]> {
  const subgraphs: Record<string, StartedSubgraph> = {};
  const counts: StatementCount[] = [];
  try {
    for (const subgraph of [organizationSubgraph, deliberationSubgraph, channelsSubgraph]) {
      subgraphs[subgraph.name] = await startSubgraph(subgraph, {
        databaseUrl,
        internalAuthSecret: secrets.INTERNAL_AUTH_SECRET,
        port: 0,
        host: '127.0.0.1',
        logger,
        organizationUrl: subgraphs.organization?.url,
      });
    }
    const gateway = await startGateway(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ORGANIZATION_URL: subgraphs.organization.url,
        DELIBERATION_URL: subgraphs.deliberation.url,
        CHANNELS_URL: subgraphs.channels.url,
        SUBGRAPH_TIMEOUT_MS: '60000',
        AUTH_JWT_SECRET: secrets.AUTH_JWT_SECRET,
        INTERNAL_AUTH_SECRET: secrets.INTERNAL_AUTH_SECRET,
        RATE_LIMIT_SCALE: '1000',
        TRUSTED_DOCUMENTS_ONLY: 'none',
      }),
      logger,
    );
    try {
      for (const request of requests) {
        // Once unmeasured (plans, prepared caches), then counted.
        for (const measured of [false, true]) {
          const counters = Object.fromEntries(
            Object.entries(subgraphs).map(([name, started]) => [name, countQueries(started.orm)]),
          );
          const response = await fetch(`${gateway.origin}/graphql/${request.surface}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: request.authorization },
            body: request.body,
          });
          const text = await response.text();
          const perSubgraph = Object.fromEntries(
            Object.entries(counters).map(([name, counter]) => {
              counter.stop();
              return [name, counter.statements.filter((sql) => !FEED_STATEMENT.test(sql)).length];
            }),
          );
          if (measured)
            counts.push({
              label: request.label,
              perSubgraph,
              total: Object.values(perSubgraph).reduce((sum, n) => sum + n, 0),
              errors: !response.ok || text.includes('"errors":'),
            });
        }
      }
    } finally {
      await gateway.stop();
    }
  } finally {
    for (const started of Object.values(subgraphs).reverse())
      await started.stop().catch(() => undefined);
  }
  return counts;
}
