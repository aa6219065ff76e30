import 'reflect-metadata';

export { channelsSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
export {
  generateChannelsDemo,
  channelsDemoRowCounts,
  withAgendaDemands,
  type ChannelsDemo,
} from './demo/demo.generator';
export { isChannelsDemoLoaded, loadChannelsDemo } from './demo/demo.loader';
