// The organization's change feed as the other subgraphs follow it: the generic follower, the
// cursor and projection tables' DDL (each follower's migrations create them), and the home,
// department and division projections.
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
  CHANGE_CURSOR_DDL,
  followOrganization,
  type OrganizationFeedOptions,
} from './organization-feed';
