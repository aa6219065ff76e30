/**
 * Demo data for the deliberation service: the consultation sessions the organization demo's homes
 * held from their establishment until today, with agendas, attendance, minutes and follow-up
 * actions, and the history of each session's steps.
 *
 * - Every pilot or active home meets in most quarters since it was established (docs/domain.md, rule
 *   5); about one home-quarter in eight has no held session (none scheduled, or only a cancelled
 *   one), so the cadence report has homes to name; some quarters have two sessions.
 * - A suspended home meets from its establishment until the day it stopped, which the demo draws
 *   (the organization keeps no date for it); a quarter of them stopped before they ever met.
 * - Today's quarter holds what happened before today and PLANNED sessions after it; nothing is
 *   planned for a later quarter.
 * - A few sessions a year cross county lines or bring in city departments: a city special
 *   committee coordinates each of them (rule 3, docs/domain.md), without exception.
 *
 * Deterministic: the same organization demo, seed and `today` give the same rows. Each session
 * draws from its own stream named by its home and quarter, so a session of 2021 is the same
 * whatever day the demo is generated on; only what depends on its age (minutes and actions not
 * yet done) moves with `today`.
 */
import { DepartmentLevel } from '@cppcc/organization';
import { dateOf, dayOf, todayInShanghai } from '../calendar';
import type { OrganizationDemo } from '../organization/rows';
import { createRandom } from '../random';
import {
  SESSIONS_IN_A_QUARTER,
  chooseCrossCounty,
  countiesOf,
  describeHomes,
  groupBy,
  planHome,
  type Plan,
} from './plan';
import type { DeliberationDemo, DeliberationDemoOptions, Density } from './rows';
import { DemoWriter } from './sessions';

export type * from './rows';
export { todayInShanghai } from '../calendar';

/** Generates the sessions of the organization demo's homes; see the module comment. */
export function generateDeliberationDemo(
  organization: OrganizationDemo,
  options: DeliberationDemoOptions = {},
): DeliberationDemo {
  const seed = options.seed ?? organization.seed;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, not ${seed}`);
  const today = options.today ?? todayInShanghai();
  const todayDay = dayOf(today);
  const root = createRandom(seed);
  const density: Density = {
    sessionsPerQuarter: options.sessionsPerQuarter ?? SESSIONS_IN_A_QUARTER,
    agendaItems: options.agendaItems ?? { min: 2, max: 4 },
  };

  const homes = describeHomes(organization, root.fork('lives'), todayDay);
  const plans: Plan[] = [];
  for (const home of homes)
    plans.push(...planHome(home, root.fork(`home:${home.row.id}`), seed, todayDay, density));
  const counties = countiesOf(organization);
  chooseCrossCounty(plans, root.fork('cross-county'), organization.scale, counties);

  const writer = new DemoWriter(
    todayDay,
    groupBy(
      organization.departments.filter((department) => department.level === DepartmentLevel.CITY),
      (department) => department.division_code,
    ),
    new Map(homes.map((home) => [home.countyCode, home.departments])),
    counties,
    density,
  );
  plans.forEach((plan, n) => {
    writer.write(plan, root.fork(`session:${plan.id}`));
    if (options.onProgress && (n % 1000 === 999 || n === plans.length - 1))
      options.onProgress(n + 1, plans.length);
  });

  return {
    seed,
    today,
    ...writer.tables,
    lives: Object.fromEntries(
      homes.map((home) => [
        home.row.id,
        { from: dateOf(home.from), until: home.until === null ? null : dateOf(home.until) },
      ]),
    ),
  };
}

/** The row counts per table, keyed by table name (as the loader reports them). */
export function deliberationDemoRowCounts(demo: DeliberationDemo): Record<string, number> {
  return {
    session: demo.sessions.length,
    session_event: demo.sessionEvents.length,
    agenda_item: demo.agendaItems.length,
    attendance: demo.attendance.length,
    minutes: demo.minutes.length,
    follow_up_action: demo.followUpActions.length,
  };
}
