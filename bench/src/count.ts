/**
 * SQL statements per request, counted honestly: the three subgraphs and the gateway started in
 * the bench's own process from the same code the child processes run (`startSubgraph` with each
 * service's `SubgraphProcess`, `startGateway`), on the same database, with the toolkit's
 * `countQueries` listening on each ORM's connection; each request is sent once, alone, and the
 * statements of the change-feed followers (polling in the background) are left out.
 */
import { loadConfig, startGateway } from '@cppcc/gateway';
import { subgraphUrlVariables, subgraphs as listedSubgraphs } from '@cppcc/scripts';
import { startSubgraph, type Logger, type StartedSubgraph } from '@cppcc/toolkit';
import { FEED_STATEMENT, countQueries } from '@cppcc/toolkit/testing';
import { performance } from 'node:perf_hooks';

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
  /** Milliseconds from sending each statement to its answer, summed per subgraph. */
  sqlMs?: Record<string, number>;
  /** The slowest statements of the request (the profile: where its time goes). */
  slowest?: Array<{ subgraph: string; ms: number; sql: string }>;
}

/** Times the statements the ORM's pool sends (knex `query` / `query-response` events). */
function timeStatements(orm: StartedSubgraph['orm']) {
  const knex = orm.em.getConnection().getKnex();
  const started = new Map<string, { sql: string; at: number }>();
  const done: Array<{ sql: string; ms: number }> = [];
  const onQuery = (query: { __knexQueryUid: string; sql: string }) => {
    started.set(query.__knexQueryUid, { sql: query.sql, at: performance.now() });
  };
  const onResponse = (_response: unknown, query: { __knexQueryUid: string }) => {
    const start = started.get(query.__knexQueryUid);
    if (start) done.push({ sql: start.sql, ms: performance.now() - start.at });
  };
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  return {
    done,
    stop: () => {
      knex.off('query', onQuery);
      knex.off('query-response', onResponse);
    },
  };
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
    // The organization first: the others follow its change feeds (petitions, listed last, also
    // deliberation's and channels' event feeds).
    const all = listedSubgraphs().sort((a, b) =>
      a.name === 'organization' ? -1 : b.name === 'organization' ? 1 : 0,
    );
    for (const { process: subgraph } of all) {
      subgraphs[subgraph.name] = await startSubgraph(subgraph, {
        databaseUrl,
        internalAuthSecret: secrets.INTERNAL_AUTH_SECRET,
        port: 0,
        host: '127.0.0.1',
        logger,
        organizationUrl: subgraphs.organization?.url,
        deliberationUrl: subgraphs.deliberation?.url,
        channelsUrl: subgraphs.channels?.url,
      });
    }
    const gateway = await startGateway(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ...subgraphUrlVariables((entry) => subgraphs[entry.name].url),
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
          const timers = Object.fromEntries(
            Object.entries(subgraphs).map(([name, started]) => [name, timeStatements(started.orm)]),
          );
          const response = await fetch(`${gateway.origin}/graphql/${request.surface}`, {
            method: 'POST',
            // The statements of computing the answer: a repeat would be the gateway's to answer.
            headers: {
              'content-type': 'application/json',
              authorization: request.authorization,
              'cache-control': 'no-cache',
            },
            body: request.body,
          });
          const text = await response.text();
          const perSubgraph = Object.fromEntries(
            Object.entries(counters).map(([name, counter]) => {
              counter.stop();
              return [name, counter.statements.filter((sql) => !FEED_STATEMENT.test(sql)).length];
            }),
          );
          const timed = Object.entries(timers).flatMap(([name, timer]) => {
            timer.stop();
            return timer.done
              .filter((statement) => !FEED_STATEMENT.test(statement.sql))
              .map((statement) => ({ subgraph: name, ...statement }));
          });
          if (measured)
            counts.push({
              label: request.label,
              perSubgraph,
              total: Object.values(perSubgraph).reduce((sum, n) => sum + n, 0),
              errors: !response.ok || text.includes('"errors":'),
              sqlMs: Object.fromEntries(
                Object.keys(subgraphs).map((name) => [
                  name,
                  timed
                    .filter((statement) => statement.subgraph === name)
                    .reduce((sum, statement) => sum + statement.ms, 0),
                ]),
              ),
              slowest: timed
                .sort((a, b) => b.ms - a.ms)
                .slice(0, 3)
                .map(({ subgraph, ms, sql }) => ({
                  subgraph,
                  ms: Math.round(ms * 10) / 10,
                  sql: sql.replace(/\s+/g, ' ').slice(0, 160),
                })),
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
