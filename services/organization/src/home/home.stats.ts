import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { executeIn, scopeSql, type Caller } from '@cppcc/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { HOME_POLICY, HomeStatus } from './home.entity';
import { HomeRole } from './home-membership.entity';
import { meetsStaffingRule } from './home.service';

/** The homes of a division, in the cross-county view: how many, how they are staffed. */
@ObjectType({
  description:
    'The consultation homes in a division and below it, as they stand now, within your jurisdiction (homes outside it are not counted).',
})
export class HomeStats {
  @Field(() => Int, { description: 'Every home in the division or below it, whatever its status.' })
  homes: number;

  @Field(() => Int, { description: 'Homes holding activities: ACTIVE or PILOT, not SUSPENDED.' })
  activeHomes: number;

  @Field(() => Int, {
    description:
      'Homes picked as pilots (试点) in any cohort year (`pilotCohortYear` set), whatever their status now.',
  })
  pilotHomes: number;

  @Field(() => Int, {
    description:
      "Homes meeting the seed's staffing rule now (≥ 3 members serving, exactly one leader): the homes whose `compliance.compliant` is true.",
  })
  compliantHomes: number;

  @Field(() => Int, {
    description:
      'CPPCC members serving now in these homes; a member serving in two of them counts once.',
  })
  membersServing: number;
}

const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;

const NO_HOMES: HomeStats = {
  homes: 0,
  activeHomes: 0,
  pilotHomes: 0,
  compliantHomes: 0,
  membersServing: 0,
};

interface StaffingRow {
  code: string;
  /** Members and leaders serving: the staffing shape shared by `homes` homes of the division. */
  members: number | null;
  leaders: number | null;
  homes: number;
  active_homes: number;
  pilot_homes: number;
  members_serving: number;
}

/**
 * The home figures of many divisions in one statement: every home under any of them with its
 * serving members and leaders counted, then, per division, how many homes share each staffing
 * shape (members, leaders). The staffing rule is applied to the shapes here, by the same function
 * a home's `compliance` uses, so the rule is stated once.
 */
export function homeStatsLoader(em: EntityManager, caller: Caller) {
  return new DataLoader<string, HomeStats | null>(async (codes) => {
    const prefixes = [...new Set(codes.filter((code) => DIVISION_CODE.test(code)))];
    const scope = scopeSql(caller, HOME_POLICY, 'h');
    const rows = prefixes.length
      ? await executeIn<StaffingRow[]>(
          em,
          `with prefix(code) as (select unnest(array[?]::text[])),
           staffed as (
             select h.id, h.division_code, h.status, h.pilot_cohort_year,
                    count(m.id)::int as members,
                    (count(m.id) filter (where m.role = ?))::int as leaders
             from home h
             left join home_membership m on m.home_id = h.id and m.until is null
             where exists (select 1 from prefix p where h.division_code like p.code || '%') ${scope.sql}
             group by h.id
           ),
           serving as (
             select p.code, count(distinct m.member_id)::int as members_serving
             from prefix p
             join staffed s on s.division_code like p.code || '%'
             join home_membership m on m.home_id = s.id and m.until is null
             group by p.code
           )
           select p.code, s.members, s.leaders,
                  count(s.id)::int as homes,
                  (count(s.id) filter (where s.status <> ?))::int as active_homes,
                  (count(s.id) filter (where s.pilot_cohort_year is not null))::int as pilot_homes,
                  coalesce(max(v.members_serving), 0)::int as members_serving
           from prefix p
           left join staffed s on s.division_code like p.code || '%'
           left join serving v on v.code = p.code
           group by p.code, s.members, s.leaders`,
          [prefixes, HomeRole.LEADER, ...scope.params, HomeStatus.SUSPENDED],
        )
      : [];
    const stats = new Map<string, HomeStats>();
    for (const row of rows) {
      const sum = stats.get(row.code) ?? { ...NO_HOMES };
      sum.homes += row.homes;
      sum.activeHomes += row.active_homes;
      sum.pilotHomes += row.pilot_homes;
      if (row.members !== null && meetsStaffingRule(row.members, row.leaders ?? 0)) {
        sum.compliantHomes += row.homes;
      }
      sum.membersServing = row.members_serving;
      stats.set(row.code, sum);
    }
    return codes.map((code) => (DIVISION_CODE.test(code) ? (stats.get(code) ?? NO_HOMES) : null));
  });
}
