import 'reflect-metadata';

export { deliberationSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
export {
  generateDeliberationDemo,
  deliberationDemoRowCounts,
  todayInShanghai,
  type DeliberationDemo,
} from './demo/demo.generator';
export { isDeliberationDemoLoaded, loadDeliberationDemo } from './demo/demo.loader';
