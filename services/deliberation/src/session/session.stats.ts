import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { executeIn, scopeSql, type Caller } from '@cppcc/toolkit';
import type { Period } from '@cppcc/reporting';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ActionStatus } from '../minutes/minutes.entity';
import { DIVISION_CODE, homeCadenceSql } from './session.cadence-report';
import { SESSION_POLICY, SessionStatus } from './session.entity';

/** A division's consultation activity over a period, in the cross-county view. */
@ObjectType({
  description:
    'The consultation activity of the homes in a division and below it over a period, within your jurisdiction (sessions and homes outside it are not counted).',
})
export class SessionStats {
  @Field(() => Int, { description: 'Sessions held in the period (by the day they were held).' })
  held: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Homes required to meet in the quarter, as `cadenceReport` counts them (suspended homes and homes established in the quarter’s last 45 days are not). Only for one quarter (`year` and `quarter`): null for a year or a range of days, since the cadence is a quarter’s rule — ask the quarters one by one.',
  })
  homesRequired: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Required homes that held at least the one session of the quarter: the `compliant` of `cadenceReport`. Only for one quarter; null otherwise.',
  })
  homesCompliant: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'homesCompliant / homesRequired, to three decimals; null when no home was required or the period is not one quarter.',
  })
  complianceRate: number | null;

  @Field(() => Int, {
    description:
      'Held sessions on a matter that crosses county lines: a division involved lies in another county, or above county level (a city special committee coordinates them).',
  })
  crossCountySessions: number;

  @Field(() => Int, {
    description:
      'Follow-up actions agreed in the minutes of the sessions held in the period that are still OPEN now.',
  })
  openFollowUpActions: number;
}

/**
 * A held session crosses county lines when a division it involves lies in another county than
 * the home's, or above county level: the test `scheduleSession` applies to ask for a city special
 * committee (rule 3, docs/domain.md), over the stored `involved_divisions`.
 */
export const CROSSES_COUNTIES = (alias: string) =>
  `exists (select 1 from unnest(${alias}.involved_divisions) as i(code)
           where length(i.code) < 6 or left(i.code, 6) <> left(${alias}.division_code, 6))`;

interface StatsRow {
  code: string;
  held: number;
  cross_county: number;
  open_actions: number;
  required: number | null;
  compliant: number | null;
}

/**
 * The session figures of many divisions over one period, in one statement: held sessions and
 * their open follow-up actions counted per full division code first (one index-only pass over the
 * period's sessions, an index probe of each one's minutes and open actions), then summed per
 * division code prefix, so only those groups are matched against the prefixes with LIKE; and, for
 * a quarter, the homes against the cadence through the cadence report's own query
 * (`homeCadenceSql`, already one row per home).
 */
async function sessionStatsOf(
  em: EntityManager,
  caller: Caller,
  period: Period,
  codes: string[],
): Promise<Map<string, SessionStats>> {
  // Counts of held sessions are public, published or not (as `Home.cadence`).
  const scope = scopeSql(caller, { ...SESSION_POLICY, publicOnlyWhenSet: undefined }, 's');
  const cadence = period.quarter
    ? homeCadenceSql(caller, codes, period.quarter.year, period.quarter.quarter)
    : null;
  const rows = await executeIn<StatsRow[]>(
    em,
    `with prefix(code) as (select unnest(array[?]::text[])),
     session_codes as (
       select s.division_code, count(*) as held,
              count(*) filter (where ${CROSSES_COUNTIES('s')}) as cross_county,
              sum((select count(*) from minutes m
                   join follow_up_action f on f.minutes_id = m.id and f.status = ?
                   where m.session_id = s.id)) as open_actions
       from session s
       where s.status = ? and s.held_at >= ? and s.held_at < ? ${scope.sql}
       group by s.division_code
     ),
     sessions as (
       select p.code, sum(c.held)::int as held, sum(c.cross_county)::int as cross_county,
              sum(c.open_actions)::int as open_actions
       from prefix p
       join session_codes c on c.division_code like p.code || '%'
       group by p.code
     ),
     cadence as (
       ${
         cadence
           ? `select p.code,
                     (count(*) filter (where c.required))::int as required,
                     (count(*) filter (where c.required and c.compliant))::int as compliant
              from prefix p join (${cadence.sql}) c on c.division_code like p.code || '%'
              group by p.code`
           : 'select null::text as code, null::int as required, null::int as compliant where false'
       }
     )
     select p.code,
            coalesce(s.held, 0) as held,
            coalesce(s.cross_county, 0) as cross_county,
            coalesce(s.open_actions, 0) as open_actions,
            ${cadence ? 'coalesce(c.required, 0)' : 'null::int'} as required,
            ${cadence ? 'coalesce(c.compliant, 0)' : 'null::int'} as compliant
     from prefix p
     left join sessions s on s.code = p.code
     left join cadence c on c.code = p.code`,
    [
      codes,
      ActionStatus.OPEN,
      SessionStatus.HELD,
      period.from,
      period.to,
      ...scope.params,
      ...(cadence?.params ?? []),
    ],
  );
  return new Map(
    rows.map((row) => [
      row.code,
      {
        held: row.held,
        crossCountySessions: row.cross_county,
        openFollowUpActions: row.open_actions,
        homesRequired: row.required,
        homesCompliant: row.compliant,
        complianceRate:
          row.required && row.compliant !== null
            ? Math.round((row.compliant / row.required) * 1000) / 1000
            : null,
      },
    ]),
  );
}

/** One loader per period asked: each answers every division of a page in one statement. */
export function createSessionStatsLoaders(em: EntityManager, caller: Caller) {
  const byPeriod = new Map<string, DataLoader<string, SessionStats | null>>();
  return {
    ofDivision(period: Period) {
      let loader = byPeriod.get(period.key);
      if (!loader) {
        loader = new DataLoader<string, SessionStats | null>(async (codes) => {
          const valid = [...new Set(codes.filter((code) => DIVISION_CODE.test(code)))];
          const stats = valid.length
            ? await sessionStatsOf(em, caller, period, valid)
            : new Map<string, SessionStats>();
          return codes.map((code) => stats.get(code) ?? null);
        });
        byPeriod.set(period.key, loader);
      }
      return loader;
    },
  };
}
