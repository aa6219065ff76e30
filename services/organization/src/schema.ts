import { buildTypeGraphqlSubgraph } from '@cppcc/toolkit';
import {
  CommitteeMembershipResolver,
  CommitteeResolver,
  committeeReference,
} from './committee/committee.resolver';
import { DepartmentResolver, departmentReference } from './department/department.resolver';
import { DivisionResolver, divisionReference } from './division/division.resolver';
import { HomeMembershipResolver, HomeResolver, homeReference } from './home/home.resolver';
import { DivisionHomeStatsResolver } from './home/home.stats.resolver';
import { MemberResolver, memberReference } from './member/member.resolver';
import { ParticipantResolver, participantReference } from './participant/participant.resolver';
import { ViewerResolver } from './viewer/viewer.resolver';

/** The organization subgraph's schema: every resolver of the service, listed explicitly. */
export function buildOrganizationSchema() {
  return buildTypeGraphqlSubgraph({
    resolvers: [
      DivisionResolver,
      CommitteeResolver,
      CommitteeMembershipResolver,
      MemberResolver,
      HomeResolver,
      HomeMembershipResolver,
      DivisionHomeStatsResolver,
      ParticipantResolver,
      DepartmentResolver,
      ViewerResolver,
    ],
    referenceResolvers: {
      ...divisionReference,
      ...committeeReference,
      ...memberReference,
      ...homeReference,
      ...participantReference,
      ...departmentReference,
    },
  });
}
