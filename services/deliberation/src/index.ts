import 'reflect-metadata';

export { deliberationSubgraph } from './subgraph';
export { configShape, DEFAULT_PORT } from './config';
// The values the deliberation's rows carry and the rules they follow, for whatever writes those
// rows outside the service (the demo workspace's generators and loaders).
export { AttendanceRole, AttendanceStatus, AttendeeKind } from './attendance/attendance.entity';
export { ActionOwnerKind, ActionStatus, MinutesStatus } from './minutes/minutes.entity';
export { SessionKind, SessionStatus } from './session/session.entity';
export { SESSION_STEPS, type SessionStep } from './session/session.workflow';
export { GRACE_DAYS_FOR_NEW_HOMES } from './session/session.cadence-report';
