import { codeReference, idReference } from '@cppcc/toolkit';

/** The organization's Committee, named by id; the organization resolves its fields. */
export const CommitteeReference = idReference('Committee', { resolvable: false });
export type CommitteeReference = InstanceType<typeof CommitteeReference>;

/** The organization's Department, named by id; this subgraph adds the sessions it is invited to. */
export const DepartmentReference = idReference('Department');
export type DepartmentReference = InstanceType<typeof DepartmentReference>;

/** The organization's Division, named by its statistics code; this subgraph adds its session figures. */
export const DivisionReference = codeReference('Division', { cached: true });
export type DivisionReference = InstanceType<typeof DivisionReference>;

/** The organization's Member, named by id; this subgraph adds their attendance. */
export const MemberReference = idReference('Member');
export type MemberReference = InstanceType<typeof MemberReference>;

/** The organization's Participant, named by id. */
export const ParticipantReference = idReference('Participant', { resolvable: false });
export type ParticipantReference = InstanceType<typeof ParticipantReference>;

/** The channels subgraph's Demand, named by id. */
export const DemandReference = idReference('Demand', { resolvable: false });
export type DemandReference = InstanceType<typeof DemandReference>;
