import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OnSurfaces, PageArgs, toPage } from '@cppcc/toolkit';
import type { Context } from '../context';
import { DemandReference, DepartmentReference, SessionReference } from '../shared/references';
import { PetitionCase } from './petition-case.entity';
import { PetitionCaseConnection } from './petition-case.resolver';

/** Where another subgraph's records are read with their case: the offices and the departments. */
const READERS = ['city', 'county', 'department'] as const;

@Resolver(() => DemandReference)
export class DemandPetitionCaseResolver {
  @OnSurfaces(...READERS)
  @FieldResolver(() => PetitionCase, {
    nullable: true,
    description:
      'The petition case the petitions bureau registered for this demand (a petition matter, `isPetition`); null when none, or outside your jurisdiction.',
  })
  petitionCase(@Root() demand: DemandReference, @Ctx() { loaders }: Context) {
    return loaders.petitionCase.ofDemand.load(demand.id);
  }
}

@Resolver(() => SessionReference)
export class SessionPetitionCaseResolver {
  @OnSurfaces(...READERS)
  @FieldResolver(() => PetitionCase, {
    nullable: true,
    description:
      'The petition case this multi-party platform session (多方协商平台) was held on; null when none, or outside your jurisdiction.',
  })
  petitionCase(@Root() session: SessionReference, @Ctx() { loaders }: Context) {
    return loaders.petitionCase.ofSession.load(session.id);
  }
}

@Resolver(() => DepartmentReference)
export class DepartmentPetitionCasesResolver {
  @OnSurfaces(...READERS)
  @FieldResolver(() => PetitionCaseConnection, {
    nullable: true,
    description:
      'The petition cases the department handles (承办), latest registered first, within your jurisdiction.',
  })
  async petitionCases(
    @Root() department: DepartmentReference,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders, em, scope }: Context,
  ) {
    const page = toPage(args);
    return loaders.petitionCase.ofDepartment(await scope(em)).load({ key: department.id, page });
  }
}
