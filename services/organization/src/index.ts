import 'reflect-metadata';

export * from './division/division.kind';
export { organizationSubgraph } from './subgraph';
export { organizationDatabase } from './database';
export { buildOrganizationSchema } from './schema';
export { configShape, DEFAULT_PORT } from './config';
export {
  generateOrganizationDemo,
  demoRowCounts,
  type DemoRegion,
  type OrganizationDemo,
  type OrganizationDemoOptions,
} from './demo/demo.generator';
export { isOrganizationDemoLoaded, loadOrganizationDemo } from './demo/demo.loader';
// What other services' demo generators build on: the same seeded random, the stable ids of the
// reference committees, and the values the organization demo's rows carry.
export { createRandom, Random, type Weighted } from './demo/random';
export { stableId, SPECIAL_COMMITTEES } from './committee/committee.reference';
export { DepartmentLevel } from './department/department.entity';
export { HomeKind, HomeStatus } from './home/home.entity';
export { HomeRole } from './home/home-membership.entity';
export { ParticipantKind } from './participant/participant.entity';
export { PolicyArea } from './shared/policy-area';
