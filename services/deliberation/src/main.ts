import './tracing';
import 'reflect-metadata';
import { ConfigError, runSubgraphProcess } from '@cppcc/toolkit';
import { loadConfig } from './config';
import { deliberationSubgraph } from './subgraph';

try {
  void runSubgraphProcess(deliberationSubgraph, loadConfig());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
