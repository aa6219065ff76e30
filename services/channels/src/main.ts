import './tracing';
import 'reflect-metadata';
import { ConfigError, runSubgraphProcess } from '@cppcc/toolkit';
import { loadConfig } from './config';
import { DEFAULT_WEBHOOK_OPTIONS } from './webhook/webhook.worker';
import { createChannelsSubgraph } from './subgraph';

try {
  const config = loadConfig();
  const subgraph = createChannelsSubgraph({
    ...DEFAULT_WEBHOOK_OPTIONS,
    allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
    allowLoopback: config.WEBHOOK_ALLOW_LOOPBACK,
    concurrency: config.WEBHOOK_CONCURRENCY,
  });
  void runSubgraphProcess(subgraph, config);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
