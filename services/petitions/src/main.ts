import './tracing';
import 'reflect-metadata';
import { ConfigError, runSubgraphProcess } from '@cppcc/toolkit';
import { loadConfig } from './config';
import { petitionsSubgraph } from './subgraph';

try {
  void runSubgraphProcess(petitionsSubgraph, loadConfig());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
