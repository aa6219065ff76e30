export { startGateway, subgraphTargets, type RunningGateway } from './gateway';
export { configShape, loadConfig, DEFAULT_PORT, type Config } from './config';
