export * from './schema-pipeline';
export * from './explain-queries';
export { DEMO_PRESETS, DEMO_PRESET_NAMES, type DemoPresetName } from './demo-presets';
export { loadDemoIfEmpty, migrateAll, type DemoLoadReport, type DemoPlan } from './stack';
export {
  CONFIG_ERROR_EXIT_CODE,
  DEFAULT_BACKOFF,
  supervise,
  type Backoff,
  type Supervised,
} from './supervise';
export { subgraphProcess, subgraphUrlVariables, subgraphs } from './subgraphs';
