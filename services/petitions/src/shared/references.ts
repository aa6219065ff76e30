import { codeReference, idReference } from '@cppcc/toolkit';

/** The channels subgraph's Demand, named by id; this subgraph adds its petition case. */
export const DemandReference = idReference('Demand');
export type DemandReference = InstanceType<typeof DemandReference>;

/** Deliberation's Session, named by id; this subgraph adds the petition case it was held on. */
export const SessionReference = idReference('Session');
export type SessionReference = InstanceType<typeof SessionReference>;

/** The organization's Department, named by id; this subgraph adds the cases it handles. */
export const DepartmentReference = idReference('Department', { cached: true });
export type DepartmentReference = InstanceType<typeof DepartmentReference>;

/** The organization's Division, named by its statistics code; this subgraph adds its petition figures. */
export const DivisionReference = codeReference('Division', { cached: true });
export type DivisionReference = InstanceType<typeof DivisionReference>;

export const ref = (id: string) => ({ id });
