import 'reflect-metadata';

export { petitionsSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
// The values the cases' rows carry and the rules they follow, for whatever writes those rows
// outside the service (the demo workspace's generators and loaders).
export { PetitionCaseStatus } from './petition-case/petition-case.entity';
export { PETITION_CASE_STEPS, type PetitionCaseStep } from './petition-case/petition-case.workflow';
export { OPINION_DAYS, addDays, opinionDueOn } from './petition-case/petition-case.deadline';
export { BUREAU_KIND, PETITIONS_POLICY_AREA } from './department/department.projection';
