import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  findConnection,
  BadUserInputError,
  NotFoundError,
  requireDate,
  requireIntBetween,
  requireText,
  todayInCity,
  type Caller,
  type Page,
  likeEscape,
  scopeSql,
  checkVersion,
  createOnce,
  inTransaction,
  idempotencyOf,
  conditionsSql,
} from '@cppcc/toolkit';
import { Division } from '../division/division.entity';
import { CITIZEN_HOME_DIVISION_KINDS, DivisionLevel } from '../division/division.kind';
import { requireDivision } from '../division/division.service';
import { Member } from '../member/member.entity';
import { HOME_POLICY, Home, HomeKind, HomeStatus } from './home.entity';
import type {
  AssignHomeMemberInput,
  CreateHomeInput,
  HomesFilter,
  UpdateHomeInput,
} from './home.inputs';
import { HomeMembership, HomeRole } from './home-membership.entity';
import {
  MIN_HOME_MEMBERS,
  PILOT_TARGET,
  type HomeCompliance,
  type PilotRollout,
} from './home.types';

/** A home lies in a township- or village-level division. */
const HOME_LEVELS = [DivisionLevel.TOWNSHIP, DivisionLevel.VILLAGE];

/** The first year homes were set up (the opinion of docs/domain.md is of 2019). */
const FIRST_COHORT_YEAR = 2019;

/** The ORM conditions of a homes filter. */
function homeWhere(filter: HomesFilter): FilterQuery<Home> {
  const where: FilterQuery<Home> & Record<string, unknown> = {};
  if (filter.divisionCode) where.divisionCode = { $like: `${likeEscape(filter.divisionCode)}%` };
  if (filter.kind) where.kind = filter.kind;
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.pilotCohortYear != null) where.pilotCohortYear = filter.pilotCohortYear;
  if (filter.nameContains) where.name = { $like: `%${likeEscape(filter.nameContains)}%` };
  return where;
}

/** The same conditions as SQL (`and …`) over the alias of the home table, for batched loaders. */
export function homeFilterSql(
  filter: HomesFilter,
  alias: string,
): { sql: string; params: unknown[] } {
  return conditionsSql([
    [
      `${alias}.division_code like ?`,
      filter.divisionCode,
      () => [`${likeEscape(filter.divisionCode!)}%`],
    ],
    [`${alias}.kind = ?`, filter.kind],
    [`${alias}.status in (?)`, filter.status],
    [`${alias}.pilot_cohort_year = ?`, filter.pilotCohortYear],
    [
      `exists (select 1 from home_membership m where m.home_id = ${alias}.id and m.member_id = ? and m.until is null)`,
      filter.memberId,
    ],
    [`${alias}.name like ?`, filter.nameContains, () => [`%${likeEscape(filter.nameContains!)}%`]],
  ]);
}

export async function listHomes(em: EntityManager, filter: HomesFilter, page: Page) {
  const where = homeWhere(filter) as Record<string, unknown>;
  if (filter.memberId) {
    const memberships = await em.find(HomeMembership, { memberId: filter.memberId, until: null });
    where.id = { $in: memberships.map((membership) => membership.homeId) };
  }
  return findConnection(
    em,
    Home,
    where as FilterQuery<Home>,
    { divisionCode: 'asc', name: 'asc', id: 'asc' },
    page,
  );
}

/**
 * The home, or NOT_FOUND on `field` (also for a home outside the caller's jurisdiction); the
 * field is the input form's path, the one the deprecated arguments stand for.
 */
export async function requireHome(
  em: EntityManager,
  id: string,
  field = 'input.homeId',
): Promise<Home> {
  const home = await em.findOne(Home, { id });
  if (!home) throw new NotFoundError('Home', { field });
  return home;
}

function requireCohortYear(year: number, field: string): number {
  return requireIntBetween(year, field, FIRST_COHORT_YEAR, Number(todayInCity().slice(0, 4)) + 1);
}

export async function createHome(
  em: EntityManager,
  caller: Caller,
  input: CreateHomeInput,
): Promise<Home> {
  const name = requireText(input.name, 'input.name', 100);
  const division = await requireDivision(
    em,
    caller,
    input.divisionCode,
    'input.divisionCode',
    HOME_LEVELS,
  );
  const establishedOn = requireDate(input.establishedOn ?? todayInCity(), 'input.establishedOn', {
    notInFuture: true,
  });
  const pilotCohortYear =
    input.pilotCohortYear == null
      ? null
      : requireCohortYear(input.pilotCohortYear, 'input.pilotCohortYear');
  const idempotency = idempotencyOf(caller, input);
  return createOnce(em, Home, idempotency, async (tx, columns) => {
    const home = tx.create(Home, {
      name,
      divisionCode: division.code,
      kind:
        input.kind ??
        (CITIZEN_HOME_DIVISION_KINDS.has(division.kind) ? HomeKind.CITIZEN : HomeKind.VILLAGER),
      status: pilotCohortYear ? HomeStatus.PILOT : HomeStatus.ACTIVE,
      establishedOn,
      pilotCohortYear,
      ...columns,
    });
    await tx.flush();
    return home;
  });
}

export async function updateHome(
  em: EntityManager,
  caller: Caller,
  id: string,
  input: UpdateHomeInput,
): Promise<Home> {
  return inTransaction(em, 'Home', async (tx) => {
    const home = await requireHome(tx, id, 'input.id');
    checkVersion('Home', home, input.expectedVersion);
    if (input.name != null) home.name = requireText(input.name, 'input.name', 100);
    if (input.divisionCode != null) {
      const division = await requireDivision(
        tx,
        caller,
        input.divisionCode,
        'input.divisionCode',
        HOME_LEVELS,
      );
      home.divisionCode = division.code;
    }
    if (input.kind != null) home.kind = input.kind;
    if (input.status != null) {
      if (input.status === HomeStatus.PILOT && home.pilotCohortYear == null) {
        throw new BadUserInputError(
          'A home becomes a pilot with markHomeAsPilot, which sets its cohort year.',
          'input.status',
        );
      }
      home.status = input.status;
    }
    await tx.flush();
    return home;
  });
}

/** Rule 4 of docs/domain.md: a home picked as a pilot (试点) of a cohort year. */
export async function markHomeAsPilot(
  em: EntityManager,
  id: string,
  cohortYear: number,
): Promise<Home> {
  const year = requireCohortYear(cohortYear, 'cohortYear');
  return inTransaction(em, 'Home', async (tx) => {
    const home = await requireHome(tx, id);
    if (home.status === HomeStatus.SUSPENDED) {
      throw new BadUserInputError('A suspended home cannot be made a pilot.', 'homeId');
    }
    home.pilotCohortYear = year;
    home.status = HomeStatus.PILOT;
    await tx.flush();
    return home;
  });
}

/** Marks the home as changed, so its version moves when its members do. */
function touch(home: Home): void {
  home.updatedAt = new Date();
}

export async function assignHomeMember(
  em: EntityManager,
  input: AssignHomeMemberInput,
): Promise<Home> {
  const since = requireDate(input.since ?? todayInCity(), 'input.since');
  return inTransaction(em, 'Home', async (tx) => {
    const home = await requireHome(tx, input.homeId);
    const member = await tx.findOne(Member, { id: input.memberId });
    if (!member) throw new BadUserInputError('There is no such member.', 'input.memberId');
    const serving = await tx.findOne(HomeMembership, {
      homeId: home.id,
      memberId: member.id,
      until: null,
    });
    if (serving) {
      throw new BadUserInputError('The member already serves in this home.', 'input.memberId');
    }
    if (input.role === HomeRole.LEADER) {
      await tx.nativeUpdate(
        HomeMembership,
        { homeId: home.id, role: HomeRole.LEADER, until: null },
        { role: HomeRole.MEMBER },
      );
    }
    tx.create(HomeMembership, { homeId: home.id, memberId: member.id, role: input.role, since });
    touch(home);
    await tx.flush();
    return home;
  });
}

export async function removeHomeMember(
  em: EntityManager,
  homeId: string,
  memberId: string,
  until?: string | null,
): Promise<Home> {
  const lastDay = requireDate(until ?? todayInCity(), 'until');
  return inTransaction(em, 'Home', async (tx) => {
    const home = await requireHome(tx, homeId);
    const serving = await tx.findOne(HomeMembership, { homeId, memberId, until: null });
    if (!serving)
      throw new BadUserInputError('This member does not serve in this home.', 'memberId');
    if (lastDay < serving.since) {
      throw new BadUserInputError(
        `until must not be before the member's first day, ${serving.since}.`,
        'until',
      );
    }
    serving.until = lastDay;
    touch(home);
    await tx.flush();
    return home;
  });
}

/** Makes a serving member the leader (负责人); the current leader stays on as a member. */
export async function setHomeLeader(
  em: EntityManager,
  homeId: string,
  memberId: string,
): Promise<Home> {
  return inTransaction(em, 'Home', async (tx) => {
    const home = await requireHome(tx, homeId);
    const serving = await tx.findOne(HomeMembership, { homeId, memberId, until: null });
    if (!serving) {
      throw new BadUserInputError(
        'The leader must be a member serving in the home: assign them first.',
        'memberId',
      );
    }
    if (serving.role !== HomeRole.LEADER) {
      // Step the current leader down first: the database allows one serving leader per home.
      await tx.nativeUpdate(
        HomeMembership,
        { homeId, role: HomeRole.LEADER, until: null },
        { role: HomeRole.MEMBER },
      );
      await tx.nativeUpdate(HomeMembership, { id: serving.id }, { role: HomeRole.LEADER });
      touch(home);
      await tx.flush();
    }
    return home;
  });
}

/**
 * Rule 1 of docs/domain.md over a home's staffing: at least 3 members serving, exactly one of them
 * leading. The one statement of the rule: a home's `compliance` and a division's `homeStats`
 * both ask it.
 */
export function meetsStaffingRule(memberCount: number, leaders: number): boolean {
  return memberCount >= MIN_HOME_MEMBERS && leaders === 1;
}

/** Rule 1 of docs/domain.md over a home's serving memberships. */
export function complianceOf(memberships: HomeMembership[]): HomeCompliance {
  const leaders = memberships.filter((membership) => membership.role === HomeRole.LEADER).length;
  const memberCount = memberships.length;
  return {
    memberCount,
    hasLeader: leaders === 1,
    compliant: meetsStaffingRule(memberCount, leaders),
  };
}

/** Pilot homes per county-level unit in the caller's jurisdiction for a cohort year, in one statement. */
export async function pilotRollout(
  em: EntityManager,
  caller: Caller,
  cohortYear: number,
): Promise<PilotRollout[]> {
  const year = requireCohortYear(cohortYear, 'cohortYear');
  const scope = scopeSql(caller, HOME_POLICY, 'h');
  const rows = await em
    .getConnection()
    .execute<Array<Record<string, unknown> & { pilot_homes: number }>>(
      `select c.*, count(h.id)::int as pilot_homes
     from division c
     left join home h on h.division_code like c.code || '%' and h.pilot_cohort_year = ? ${scope.sql}
     where c.level = 'COUNTY' and (c.code like ? or ? like c.code || '%')
     group by c.code
     order by c.code`,
      [year, ...scope.params, `${caller.division}%`, caller.division],
    );
  return rows.map(({ pilot_homes, ...county }) => ({
    county: em.map(Division, county),
    cohortYear: year,
    pilotHomes: pilot_homes,
    targetMin: PILOT_TARGET.min,
    targetMax: PILOT_TARGET.max,
    onTarget: pilot_homes >= PILOT_TARGET.min && pilot_homes <= PILOT_TARGET.max,
  }));
}
