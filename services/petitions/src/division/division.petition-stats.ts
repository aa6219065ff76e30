import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { executeIn, perFilter } from '@cppcc/toolkit';
import type { Period } from '@cppcc/reporting';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { overdueSql } from '../petition-case/petition-case.deadline';
import { petitionScopeSql, type ScopeOfRequest } from '../petition-case/petition-case.scope';

/** A division's petition cases over a period, in the cross-county view. */
@ObjectType({
  description:
    'The petition cases (信访事项) of a division over a period, within your jurisdiction (cases outside it are not counted): those registered in the period, counted by the village, community or township they concern, followed to where they stand now.',
})
export class PetitionStats {
  @Field(() => Int, { description: 'Cases registered (登记) in the period.' })
  registered: number;

  @Field(() => Int, {
    description: 'Of those, accepted (受理) and given to a handling department.',
  })
  accepted: number;

  @Field(() => Int, { description: 'Of those, with the handling opinion (办理意见) given.' })
  opinionsGiven: number;

  @Field(() => Int, {
    description:
      'Of those, overdue today: accepted, no opinion yet, past the due date (60 days after acceptance) — `PetitionCase.isOverdue`.',
  })
  overdue: number;

  @Field(() => Int, { description: 'Of those, whose petitioner asked for a review (复查).' })
  reviewsRequested: number;

  @Field(() => Int, { description: 'Of those, closed (办结).' })
  closed: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of those with an opinion, the average days from acceptance to the opinion, to one decimal; null when none was given.',
  })
  averageDaysToOpinion: number | null;
}

interface StatsRow {
  code: string;
  registered: number;
  accepted: number;
  handled: number;
  overdue: number;
  reviews: number;
  closed: number;
  average_days: number | null;
}

const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;

/**
 * The petition figures of many divisions over one period, in one statement: the period's cases
 * counted per full division code, then summed per division code prefix.
 */
async function petitionStatsOf(
  em: EntityManager,
  scope: ScopeOfRequest,
  period: Period,
  codes: string[],
): Promise<Map<string, PetitionStats>> {
  const scoped = petitionScopeSql(await scope(em), 'c');
  const overdue = overdueSql('c');
  const rows = await executeIn<StatsRow[]>(
    em,
    `with prefix(code) as (select unnest(array[?]::text[])),
     by_code as (
       select c.division_code, count(*) as registered,
              count(*) filter (where c.accepted_on is not null) as accepted,
              count(*) filter (where c.handled_on is not null) as handled,
              count(*) filter (where ${overdue.sql}) as overdue,
              count(*) filter (where c.review_requested_on is not null) as reviews,
              count(*) filter (where c.closed_on is not null) as closed,
              sum(c.handled_on - c.accepted_on) filter (where c.handled_on is not null) as days
       from petition_case c
       where c.registered_on >= (?::timestamptz at time zone 'Asia/Shanghai')::date
         and c.registered_on < (?::timestamptz at time zone 'Asia/Shanghai')::date ${scoped.sql}
       group by c.division_code
     )
     select p.code,
            coalesce(sum(b.registered), 0)::int as registered,
            coalesce(sum(b.accepted), 0)::int as accepted,
            coalesce(sum(b.handled), 0)::int as handled,
            coalesce(sum(b.overdue), 0)::int as overdue,
            coalesce(sum(b.reviews), 0)::int as reviews,
            coalesce(sum(b.closed), 0)::int as closed,
            round(sum(b.days)::numeric / nullif(sum(b.handled), 0), 1)::float8 as average_days
     from prefix p
     left join by_code b on b.division_code like p.code || '%'
     group by p.code`,
    [codes, ...overdue.params, period.from, period.to, ...scoped.params],
  );
  return new Map(
    rows.map((row) => [
      row.code,
      {
        registered: row.registered,
        accepted: row.accepted,
        opinionsGiven: row.handled,
        overdue: row.overdue,
        reviewsRequested: row.reviews,
        closed: row.closed,
        averageDaysToOpinion: row.average_days,
      },
    ]),
  );
}

/** One loader per period: a page of divisions asking the same period is one statement. */
export function createPetitionStatsLoaders(em: EntityManager, scope: ScopeOfRequest) {
  return {
    ofDivision: perFilter(
      (period: Period) =>
        new DataLoader<string, PetitionStats | null>(async (codes) => {
          const wanted = codes.filter((code) => DIVISION_CODE.test(code));
          const stats = wanted.length
            ? await petitionStatsOf(em, scope, period, wanted)
            : new Map<string, PetitionStats>();
          return codes.map((code) => stats.get(code) ?? null);
        }),
    ),
  };
}
