import { channelsSubgraph } from '@cppcc/channels';
import { deliberationSubgraph } from '@cppcc/deliberation';
import { createLogger, startSubgraph } from '@cppcc/toolkit';
import { TEST_INTERNAL_AUTH_SECRET } from '@cppcc/toolkit/testing';
import type { Stack } from './stack';

const PROCESSES = { deliberation: deliberationSubgraph, channels: channelsSubgraph };

/**
 * Starts a subgraph again on the stack's database after a test stopped it, as a redeployed
 * process would: at its old address (the gateway and the services following it find it there),
 * its followers resuming from the cursors it stored.
 */
export async function restartSubgraph(
  stack: Stack,
  name: keyof typeof PROCESSES = 'deliberation',
): Promise<void> {
  stack.subgraphs[name] = await startSubgraph(PROCESSES[name], {
    databaseUrl: stack.database.url,
    internalAuthSecret: TEST_INTERNAL_AUTH_SECRET,
    port: Number(new URL(stack.subgraphs[name].url).port),
    host: '127.0.0.1',
    logger: createLogger(name, 'silent'),
    organizationUrl: stack.subgraphs.organization.url,
    deliberationUrl: stack.subgraphs.deliberation.url,
    channelsUrl: stack.subgraphs.channels.url,
  });
}

/** Deliberation started again (see `restartSubgraph`). */
export const restartDeliberation = (stack: Stack) => restartSubgraph(stack, 'deliberation');
