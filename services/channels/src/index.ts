import 'reflect-metadata';

export { channelsSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
export {
  generateChannelsDemo,
  channelsDemoRowCounts,
  withAgendaDemands,
  type ChannelsDemo,
  type ChannelsDemoOptions,
} from './demo/demo.generator';
export { ChannelRecordKind } from './history/channel-event.entity';
export {
  CHANNELS_DEMO_GUARD,
  copyChannelsDemo,
  isChannelsDemoLoaded,
  loadChannelsDemo,
} from './demo/demo.loader';
