export * from './schema-pipeline';
export * from './explain-queries';
export { DEMO_PRESETS, DEMO_PRESET_NAMES, type DemoPresetName } from './demo-presets';
export { loadDemoIfEmpty, migrateAll, type DemoLoadReport, type DemoPlan } from './stack';
