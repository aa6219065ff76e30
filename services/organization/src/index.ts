import 'reflect-metadata';

export * from './division/division.kind';
export { organizationSubgraph } from './subgraph';
export { organizationDatabase } from './database';
export { buildOrganizationSchema } from './schema';
export { configShape, DEFAULT_PORT } from './config';
// The values the organization's rows carry and the ids of its reference committees, for whatever
// writes those rows outside the service (the demo workspace's generators and loaders).
export {
  referenceCommittees,
  stableId,
  SPECIAL_COMMITTEES,
  type CommitteeRow,
} from './committee/special-committees';
export { DepartmentKind, DepartmentLevel } from './department/department.entity';
export { HomeKind, HomeStatus } from './home/home.entity';
export { MIN_HOME_MEMBERS, PILOT_TARGET } from './home/home.types';
export { HomeRole } from './home/home-membership.entity';
export { Gender } from './member/member.entity';
export { ParticipantKind } from './participant/participant.entity';
export { PolicyArea } from './shared/policy-area';
