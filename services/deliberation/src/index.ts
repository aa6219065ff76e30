import 'reflect-metadata';

export { deliberationSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
export {
  generateDeliberationDemo,
  deliberationDemoRowCounts,
  todayInShanghai,
  type DeliberationDemo,
  type DeliberationDemoOptions,
} from './demo/demo.generator';
export {
  DELIBERATION_DEMO_GUARD,
  copyDeliberationDemo,
  isDeliberationDemoLoaded,
  loadDeliberationDemo,
} from './demo/demo.loader';
