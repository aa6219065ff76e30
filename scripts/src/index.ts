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
export type { IdentityProviderOptions } from './identity/provider';
export {
  DEV_GRAPH_AUDIENCE,
  departmentClients,
  writeClientsTable,
  type DepartmentClient,
} from './identity/development';
export * from './schema-changes';
export * from './schema-changelog';
export * from './schema-files';
export { subgraphProcess, subgraphUrlVariables, subgraphs } from './subgraphs';
