export * from './schema-pipeline';
