import type { ServiceDatabase } from '@cppcc/toolkit';
import { Committee } from './committee/committee.entity';
import { CommitteeMembership } from './committee/committee-membership.entity';
import { Department } from './department/department.entity';
import { Division } from './division/division.entity';
import { Home } from './home/home.entity';
import { HomeMembership } from './home/home-membership.entity';
import { Member } from './member/member.entity';
import { migrations } from './migrations';
import { Participant } from './participant/participant.entity';

/** The organization service's own schema, tables and migrations. */
export const organizationDatabase: ServiceDatabase = {
  schema: 'organization',
  entities: [
    Division,
    Committee,
    CommitteeMembership,
    Member,
    Home,
    HomeMembership,
    Participant,
    Department,
  ],
  migrations,
};
