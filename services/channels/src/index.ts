import 'reflect-metadata';

export { channelsSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
