import { CALLER_HEADER, signCallerToken } from '@cppcc/toolkit';
import { TEST_INTERNAL_AUTH_SECRET, type TestSubgraph } from '@cppcc/toolkit/testing';

/** Reads one of the organization's change feeds as a service would (or as `subject` says). */
export async function readFeed(
  graph: TestSubgraph,
  pathAndQuery: string,
  subject = 'service:deliberation',
) {
  const token = await signCallerToken(
    { subject, level: 'CITY', division: '', roles: [], surface: 'city' },
    TEST_INTERNAL_AUTH_SECRET,
  );
  const response = await fetch(new URL(pathAndQuery, graph.url), {
    headers: { [CALLER_HEADER]: token },
  });
  return {
    status: response.status,
    body: (await response.json()) as { changes: Array<Record<string, any>> },
  };
}
