import { codeReference, idReference } from '@cppcc/toolkit';

/** Deliberation's Session, named by id; this subgraph adds what it sent up (`outcomes`). */
export const SessionReference = idReference('Session');
export type SessionReference = InstanceType<typeof SessionReference>;

/** Deliberation's AgendaItem, named by id. */
export const AgendaItemReference = idReference('AgendaItem', { resolvable: false });
export type AgendaItemReference = InstanceType<typeof AgendaItemReference>;

/** The organization's Department; this subgraph adds its assigned proposals and forwarded reports. */
export const DepartmentReference = idReference('Department', { cached: true });
export type DepartmentReference = InstanceType<typeof DepartmentReference>;

/** The organization's Member; this subgraph adds their proposals and sentiment reports. */
export const MemberReference = idReference('Member');
export type MemberReference = InstanceType<typeof MemberReference>;

/** The organization's Committee, named by id. */
export const CommitteeReference = idReference('Committee', { resolvable: false });
export type CommitteeReference = InstanceType<typeof CommitteeReference>;

/** The organization's Participant, named by id. */
export const ParticipantReference = idReference('Participant', { resolvable: false });
export type ParticipantReference = InstanceType<typeof ParticipantReference>;

/** The organization's Division, named by its statistics code; this subgraph adds its channel figures. */
export const DivisionReference = codeReference('Division', { cached: true });
export type DivisionReference = InstanceType<typeof DivisionReference>;

export const ref = (id: string) => ({ id });
export const refs = (ids: string[]) => ids.map(ref);
