// The organization's change feed as the other subgraphs follow it: the generic follower, the
// cursor and projection tables' DDL (each follower's migrations create them), and the home,
// department, division, member and participant projections, and what a record may name of
// them (requireReferences).
export { followChanges, type Change, type ChangeFeed, type FeedFollower } from './change-feed';
export {
  DEPARTMENT_PROJECTION_DDL,
  followDepartments,
  type DepartmentChange,
  type DepartmentProjectionOptions,
} from './department-projection';
export {
  DIVISION_PROJECTION_DDL,
  followDivisions,
  type DivisionChange,
  type DivisionProjectionOptions,
} from './division-projection';
export {
  HOME_PROJECTION_DDL,
  HOME_PROJECTION_ESTABLISHED_DDL,
  followHomes,
  requireActiveHome,
  type HomeChange,
  type HomeProjectionOptions,
} from './home-projection';
export {
  MEMBER_PROJECTION_DDL,
  followMembers,
  type MemberChange,
  type MemberProjectionOptions,
} from './member-projection';
export {
  PARTICIPANT_PROJECTION_DDL,
  followParticipants,
  type ParticipantChange,
  type ParticipantProjectionOptions,
} from './participant-projection';
export {
  belongsTo,
  referencesAt,
  requireReferences,
  type Reference,
  type ReferenceKind,
} from './references';
export {
  CHANGE_CURSOR_DDL,
  followOrganization,
  type OrganizationFeedOptions,
} from './organization-feed';
