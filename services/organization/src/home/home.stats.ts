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
      'Homes meeting the staffing rule now (at least 3 members serving, exactly one of them the leader): the homes whose `compliance.compliant` is true.',
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
 * The home figures of many divisions in one statement: every home under any of them, placed under
 * each division it lies in (the one LIKE match of homes against the divisions), with its serving
 * members and leaders counted, then, per division, how many homes share each staffing shape
 * (members, leaders). The staffing rule is applied to the shapes here, by the same function a
 * home's `compliance` uses, so the rule is stated once.
 */
export function homeStatsLoader(em: EntityManager, caller: Caller) {
  return new DataLoader<string, HomeStats | null>(async (codes) => {
    const prefixes = [...new Set(codes.filter((code) => DIVISION_CODE.test(code)))];
    const scope = scopeSql(caller, HOME_POLICY, 'h');
    const rows = prefixes.length
      ? await executeIn<StaffingRow[]>(
          em,
          `with prefix(code) as (select unnest(array[?]::text[])),
           placed as (
             select p.code, h.id, h.status, h.pilot_cohort_year
             from prefix p
             join home h on h.division_code like p.code || '%'
             where true ${scope.sql}
           ),
           serving as (
             select m.home_id, m.member_id, m.role
             from home_membership m
             where m.until is null and m.home_id in (select id from placed)
           ),
           staffed as (
             select home_id, count(*)::int as members,
                    (count(*) filter (where role = ?))::int as leaders
             from serving
             group by home_id
           ),
           members as (
             select pl.code, count(distinct s.member_id)::int as members_serving
             from placed pl
             join serving s on s.home_id = pl.id
             group by pl.code
           )
           -- A home with no one serving has the shape (0, 0); a division with no home, none.
           select p.code,
                  case when pl.id is not null then coalesce(st.members, 0) end as members,
                  case when pl.id is not null then coalesce(st.leaders, 0) end as leaders,
                  count(pl.id)::int as homes,
                  (count(pl.id) filter (where pl.status <> ?))::int as active_homes,
                  (count(pl.id) filter (where pl.pilot_cohort_year is not null))::int as pilot_homes,
                  coalesce(max(v.members_serving), 0)::int as members_serving
           from prefix p
           left join placed pl on pl.code = p.code
           left join staffed st on st.home_id = pl.id
           left join members v on v.code = p.code
           group by 1, 2, 3`,
          [prefixes, ...scope.params, HomeRole.LEADER, HomeStatus.SUSPENDED],
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
