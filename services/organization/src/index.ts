import 'reflect-metadata';

export * from './division/division.kind';
export { organizationSubgraph } from './subgraph';
export { organizationDatabase } from './database';
export { buildOrganizationSchema } from './schema';
export { configShape, DEFAULT_PORT } from './config';
export {
  generateOrganizationDemo,
  demoRowCounts,
  type OrganizationDemo,
} from './demo/demo.generator';
export { isOrganizationDemoLoaded, loadOrganizationDemo } from './demo/demo.loader';
