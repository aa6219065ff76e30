import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, executeIn, scopeSql, type Caller } from '@cppcc/toolkit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Home } from '../home/home.entity';
import { DivisionReference } from '../shared/references';
import { SESSIONS_REQUIRED_PER_QUARTER, quarterBounds } from './session.cadence';
import { SessionStatus } from './session.entity';

/**
 * How a home counts in a quarter:
 * - a home established in the quarter's last 45 days is not yet required to meet (it had less
 *   than half the quarter); one established earlier, or before the quarter, is;
 * - a home suspended now is not required (it is shown, with what it held);
 * - every held session counts, published or not.
 */
export const GRACE_DAYS_FOR_NEW_HOMES = 45;

@ObjectType({
  description: 'A home in the cadence report: what it held in the quarter against what it had to.',
})
export class CadenceRow {
  @Field(() => Home, { description: 'The home.' })
  home: Home;

  @Field(() => DivisionReference, { description: 'The township or village the home is in.' })
  division: DivisionReference;

  @Field({ description: 'The home’s status now (a suspended home is not required to meet).' })
  status: string;

  @Field(() => Int, { description: 'Sessions it held in the quarter.' })
  held: number;

  @Field(() => Int, {
    description: 'Sessions it had to hold: 1, or 0 when it was not required to meet.',
  })
  required: number;

  @Field({ description: 'True when it held at least what it had to.' })
  compliant: boolean;
}

@ObjectType({
  description: 'Compliance of the homes of one division directly under the report’s division.',
})
export class CadenceSummary {
  @Field(() => DivisionReference, { description: 'The division summed up.' })
  division: DivisionReference;

  @Field(() => Int, { description: 'Homes in it (and below it).' })
  homes: number;

  @Field(() => Int, { description: 'Homes required to meet in the quarter.' })
  required: number;

  @Field(() => Int, { description: 'Required homes that held at least one session.' })
  compliant: number;

  @Field(() => Float, {
    nullable: true,
    description: 'compliant / required; null when none was required.',
  })
  rate: number | null;
}

@ObjectType({
  description:
    'Which homes of a division met in a quarter: in principle each home holds one consultation activity per quarter.',
})
export class CadenceReport {
  @Field(() => ID, { description: 'The code of the division reported on.' })
  divisionCode: string;

  @Field(() => Int, { description: 'The year reported on.' })
  year: number;

  @Field(() => Int, { description: 'The quarter reported on, 1–4 (China Standard Time).' })
  quarter: number;

  @Field(() => [CadenceRow], {
    description: 'Every home of the division, those that missed the quarter first.',
  })
  homes: CadenceRow[];

  @Field(() => [CadenceSummary], { description: 'Per division directly under this one.' })
  children: CadenceSummary[];

  @Field(() => CadenceSummary, { description: 'The whole division.' })
  total: CadenceSummary;
}

const CHILD_LENGTH: Record<number, number> = { 0: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

function summarise(code: string, rows: CadenceRow[]): CadenceSummary {
  const required = rows.filter((row) => row.required > 0);
  const compliant = required.filter((row) => row.compliant).length;
  return {
    division: { code },
    homes: rows.length,
    required: required.length,
    compliant,
    rate: required.length ? Math.round((compliant / required.length) * 1000) / 1000 : null,
  };
}

/** A home against the cadence of a quarter, as `homeCadenceSql` selects it. */
export interface HomeCadenceRow {
  id: string;
  division_code: string;
  status: string;
  held: number;
  required: boolean;
  /** Held what it had to, or did not have to hold anything. */
  compliant: boolean;
}

/**
 * The cadence rule (rule 5 of docs/domain.md, with the exceptions above) in one place, as a SELECT of
 * every home in or under any of `divisionCodes` that the caller may see, with what it held in the
 * quarter, whether it had to meet and whether it met (`HomeCadenceRow`). The cadence report reads
 * it for one division, a division's `sessionStats` for every division of a page at once. The
 * quarter's held sessions are counted per home in one index-only pass over the quarter (the
 * covering `session_held_at_covering_idx`) rather than by an index probe per home, which costs more from a
 * few hundred homes on (a county, the city).
 */
export function homeCadenceSql(
  caller: Caller,
  divisionCodes: string[],
  year: number,
  quarter: number,
): { sql: string; params: unknown[] } {
  const { from, to } = quarterBounds(year, quarter);
  const scope = scopeSql(caller, { public: false, homeColumn: 'id' }, 'h');
  return {
    sql: `select c.*, (not c.required or c.held >= ?) as compliant from (
            select h.id::text as id, h.division_code, h.status,
                   coalesce(q.held, 0)::int as held,
                   (h.status <> 'SUSPENDED' and coalesce(h.established_on, '1900-01-01') <= (?::timestamptz at time zone 'Asia/Shanghai')::date - ?)
                     as required
            from home_projection h
            left join (select s.home_id, count(*) as held
                       from session s
                       where s.status = ? and s.held_at >= ? and s.held_at < ?
                       group by s.home_id) q on q.home_id = h.id
            where exists (select 1 from unnest(array[?]::text[]) as p(code) where h.division_code like p.code || '%') ${scope.sql}
          ) c`,
    params: [
      SESSIONS_REQUIRED_PER_QUARTER,
      to,
      GRACE_DAYS_FOR_NEW_HOMES,
      SessionStatus.HELD,
      from,
      to,
      divisionCodes,
      ...scope.params,
    ],
  };
}

/** The shape of a division code: 4, 6, 9 or 12 digits (city, county, township, village). */
export const DIVISION_CODE = /^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/;

/** The cadence report of a division for a quarter, in one SQL statement. */
export async function cadenceReport(
  em: EntityManager,
  caller: Caller,
  divisionCode: string,
  year: number,
  quarter: number,
): Promise<CadenceReport> {
  if (!DIVISION_CODE.test(divisionCode)) {
    throw new BadUserInputError('This is not a division code.', 'divisionCode');
  }
  const cadence = homeCadenceSql(caller, [divisionCode], year, quarter);
  const rows = await executeIn<HomeCadenceRow[]>(
    em,
    `${cadence.sql} order by c.division_code, c.id`,
    cadence.params,
  );
  const homes: CadenceRow[] = rows.map((row) => {
    const required = row.required ? SESSIONS_REQUIRED_PER_QUARTER : 0;
    return {
      home: { id: row.id },
      division: { code: row.division_code },
      status: row.status,
      held: row.held,
      required,
      compliant: row.compliant,
    };
  });
  const childLength = CHILD_LENGTH[divisionCode.length];
  const byChild = new Map<string, CadenceRow[]>();
  for (const row of homes) {
    const child = row.division.code.slice(0, childLength);
    byChild.set(child, [...(byChild.get(child) ?? []), row]);
  }
  return {
    divisionCode,
    year,
    quarter,
    homes: [...homes].sort((a, b) => Number(a.compliant) - Number(b.compliant)),
    children: [...byChild].map(([code, childRows]) => summarise(code, childRows)),
    total: summarise(divisionCode, homes),
  };
}
