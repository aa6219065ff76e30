/**
 * Demo data for the organization service: 连云港市 in the first years of its consultation homes
 * (2019 pilots, 2020–2021 rollout), with the members who staff them, the residents and experts
 * who take part, and the departments they deal with.
 *
 * Deterministic: the same seed and scale give byte-identical rows (no Math.random, no clock).
 * Pure: the only I/O is reading the committed division data file.
 */
import { stableId } from '@cppcc/organization';
import { createRandom } from '../random';
import { readAtlas, regionExtras } from './atlas';
import { generateDepartments } from './departments';
import { homeName, planHomes, planStaffing, PILOT_YEAR } from './homes';
import { seatMembers, staffHomes } from './members';
import { generateParticipants } from './participants';
import { People } from './people';
import {
  DEFAULT_DEMO_SEED,
  type HomeRow,
  type OrganizationDemo,
  type OrganizationDemoOptions,
} from './rows';

export type * from './rows';
export { DEFAULT_DEMO_SEED } from './rows';
export { DEMO_DIVISIONS_FILE, demoDivisionsFile, shortVillageName } from './atlas';
export { idNumberCheckChar } from './people';

/** Generates the demo for a seed and scale; see the module comment. */
export function generateOrganizationDemo(options: OrganizationDemoOptions = {}): OrganizationDemo {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const scale = options.scale ?? 1;
  const region = options.region ?? '3207';
  const pilotYear = options.pilotYear ?? PILOT_YEAR;
  const reuseShare = options.reuseShare ?? 0.25;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, not ${seed}`);
  if (!(scale > 0 && scale <= 10)) throw new Error(`scale must be in (0, 10], not ${scale}`);
  if (!(Number.isInteger(pilotYear) && pilotYear >= 2012 && pilotYear <= 2024))
    throw new Error(`pilotYear must be a year in 2012–2024, not ${pilotYear}`);

  const atlas = readAtlas(region);
  const root = createRandom(seed);
  const idOf = (table: string, n: number) => stableId(`demo-${table}`, `${seed}:${n}`);

  const departments = generateDepartments(atlas, idOf);
  const homeDrafts = planHomes(atlas, root.fork('homes'), scale, pilotYear);
  const homes: HomeRow[] = homeDrafts.map((draft, n) => ({
    id: idOf('home', n),
    name: homeName(atlas, draft),
    kind: draft.kind,
    status: draft.status,
    division_code: draft.place.code,
    established_on: draft.establishedOn,
    pilot_cohort_year: draft.pilotCohortYear,
  }));

  const people = new People(root.fork('people'));
  const staffing = planStaffing(homeDrafts, root.fork('staffing'));
  const { members, homeMemberships } = staffHomes(
    atlas,
    homeDrafts,
    homes,
    staffing,
    people,
    root.fork('members'),
    scale,
    reuseShare,
    idOf,
  );
  const committeeMemberships = seatMembers(members, idOf);
  const participants = generateParticipants(
    atlas,
    homeDrafts,
    people,
    root.fork('participants'),
    idOf,
  );

  return {
    seed,
    scale,
    region,
    cities: atlas.cities.map(({ code, name }) => ({ code, name })),
    counties: atlas.counties.map(({ code, name }) => ({ code, name })),
    ...regionExtras(atlas),
    departments,
    members: members.map((member) => member.row),
    committeeMemberships,
    homes,
    homeMemberships,
    participants,
  };
}

/** The row counts per table, keyed by table name (as the loader reports them). */
export function demoRowCounts(demo: OrganizationDemo): Record<string, number> {
  return {
    division: demo.divisions.length,
    committee: demo.committees.length,
    department: demo.departments.length,
    member: demo.members.length,
    committee_membership: demo.committeeMemberships.length,
    home: demo.homes.length,
    home_membership: demo.homeMemberships.length,
    participant: demo.participants.length,
  };
}
