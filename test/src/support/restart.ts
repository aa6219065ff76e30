import { deliberationSubgraph } from '@cppcc/deliberation';
import { createLogger, startSubgraph } from '@cppcc/toolkit';
import { TEST_INTERNAL_AUTH_SECRET } from '@cppcc/toolkit/testing';
import type { Stack } from './stack';

/**
 * Starts deliberation again on the stack's database after a test stopped it, as a redeployed
 * process would: its followers resume from the cursors it stored.
 */
export async function restartDeliberation(stack: Stack): Promise<void> {
  stack.subgraphs.deliberation = await startSubgraph(deliberationSubgraph, {
    databaseUrl: stack.database.url,
    internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('deliberation', 'silent'),
    organizationUrl: stack.subgraphs.organization.url,
  });
}
