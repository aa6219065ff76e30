import 'reflect-metadata';

export { deliberationSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
