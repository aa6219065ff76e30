import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OnSurfaces, PageArgs, toPage } from '@cppcc/toolkit';
import type { Context } from '../context';
import { DepartmentReference } from '../shared/references';
import { ProposalConnection } from './proposal.resolver';

/** The fields the proposal slice adds to the organization's Department. */
@Resolver(() => DepartmentReference)
export class DepartmentProposalFieldsResolver {
  @OnSurfaces('city', 'county', 'department')
  @FieldResolver(() => ProposalConnection, {
    nullable: true,
    description:
      'Its overdue proposals (lead or co-handling; `Proposal.isOverdue`: assigned, handling or rehandling past the due date, China Standard Time), the longest overdue first, within your jurisdiction: the city office sees all, a county office those of its own CPPCC, a department only its own (null for another department).',
  })
  overdueProposals(
    @Root() department: DepartmentReference,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders, caller }: Context,
  ) {
    if (caller.level === 'DEPARTMENT' && caller.departmentId !== department.id) return null;
    return loaders.proposal.overdueOf.load({ key: department.id, page: toPage(args) });
  }
}
