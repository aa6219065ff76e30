/**
 * The members of each county's CPPCC who staff the homes (rules 1 and 2, docs/domain.md), those who
 * serve in none, and their seats on the committees term by term.
 */
import {
  DivisionKind,
  DivisionLevel,
  HomeRole,
  MIN_HOME_MEMBERS,
  stableId,
} from '@cppcc/organization';
import type { Random } from '../random';
import { RESIDENTIAL_KINDS, type Atlas } from './atlas';
import type { IdOf } from './departments';
import type { HomeDraft, Staffing } from './homes';
import { EXPERTISE, SECTOR_WEIGHTS, type People } from './people';
import type { CommitteeMembershipRow, HomeMembershipRow, HomeRow, MemberRow } from './rows';

/** Homes get from the organization's minimum (`MIN_HOME_MEMBERS`, 3) to 6 members. */
const HOME_SIZE = { min: MIN_HOME_MEMBERS, max: 6 } as const;
/** A member may serve in at most this many homes at once. */
const MAX_HOMES_PER_MEMBER = 2;

/** The terms (届) of a CPPCC committee: five years each. */
const TERM_12 = { start: '2012-01-01', end: '2016-12-31' } as const;
const TERM_13 = { start: '2017-01-01', end: '2021-12-31' } as const;
const TERM_14 = { start: '2022-01-01' } as const;

/** A member while the generator still decides where they serve. */
export interface MemberDraft {
  row: MemberRow;
  countyCode: string;
  isCityMember: boolean;
  homes: number;
  leads: number;
  /** Whether the member sits again in the 14th term (2022–2026). */
  termPlan: 'TERM_13' | 'BOTH' | 'TERM_14';
  /** Serving in a home set up before 2017: they sat in the 12th term (2012–2016) already. */
  term12: boolean;
}

/**
 * Staffs every home from the committee of its county (rule 2, docs/domain.md): new members mostly
 * living near the home, some already serving elsewhere in the county (at most 2 homes each);
 * about 10% of new members also sit on the city CPPCC, and those serve where they live. Then
 * adds the committee members who serve in no home.
 */
export function staffHomes(
  atlas: Atlas,
  drafts: HomeDraft[],
  homes: HomeRow[],
  staffing: Staffing[],
  people: People,
  random: Random,
  scale: number,
  reuseShare: number,
  idOf: IdOf,
): { members: MemberDraft[]; homeMemberships: HomeMembershipRow[] } {
  const members: MemberDraft[] = [];
  const available = new Map<string, MemberDraft[]>(); // by county: members serving in fewer than 2 homes
  const homeMemberships: HomeMembershipRow[] = [];

  const newMember = (
    countyCode: string,
    divisionCode: string,
    isCityMember: boolean,
    termPlan: MemberDraft['termPlan'],
    term12 = false,
  ) => {
    const sector = random.weighted(SECTOR_WEIGHTS);
    const gender = people.gender(sector.femaleShare ?? 0.3);
    const member: MemberDraft = {
      row: {
        id: idOf('member', members.length),
        name: people.name(gender),
        gender,
        sector: sector.sector,
        party: random.weighted(sector.parties),
        expertise: random.chance(0.7) ? random.pick(sector.expertise) : random.pick(EXPERTISE),
        division_code: divisionCode,
        phone: people.phone(),
      },
      countyCode,
      isCityMember,
      homes: 0,
      leads: 0,
      termPlan,
      term12,
    };
    members.push(member);
    return member;
  };

  drafts.forEach((draft, h) => {
    const plan = staffing[h];
    const size =
      plan === 'TOO_FEW'
        ? MIN_HOME_MEMBERS - 1
        : random.int(HOME_SIZE.min, plan === 'NO_LEADER' ? 4 : HOME_SIZE.max);
    const pool = available.get(draft.countyCode) ?? [];
    available.set(draft.countyCode, pool);
    const chosen: MemberDraft[] = [];
    while (chosen.length < size) {
      const reused = random.chance(reuseShare)
        ? reusableMember(pool, draft, chosen, random)
        : undefined;
      if (reused) {
        chosen.push(reused);
        continue;
      }
      const isCityMember = random.chance(0.1);
      const home = isCityMember
        ? placeInTownship(atlas, draft, random)
        : residenceNear(atlas, draft, random);
      const member = newMember(
        draft.countyCode,
        home,
        isCityMember,
        random.chance(0.8) ? 'BOTH' : 'TERM_13',
        draft.establishedOn < TERM_13.start,
      );
      pool.push(member);
      chosen.push(member);
    }
    // The leader: someone who leads no other home yet, when there is one.
    let leader: MemberDraft | undefined;
    if (plan !== 'NO_LEADER') {
      const free = chosen.filter((member) => member.leads === 0);
      leader = random.pick(free.length > 0 ? free : chosen);
      leader.leads += 1;
    }
    for (const member of chosen) {
      member.homes += 1;
      if (member.homes >= MAX_HOMES_PER_MEMBER) pool.splice(pool.indexOf(member), 1);
      homeMemberships.push({
        id: idOf('home-membership', homeMemberships.length),
        home_id: homes[h].id,
        member_id: member.row.id,
        role: member === leader ? HomeRole.LEADER : HomeRole.MEMBER,
        since: draft.establishedOn,
        until: null,
      });
    }
  });

  // Committee members who serve in no home: about 25–45 per county at scale 1.
  for (const county of atlas.counties) {
    const extra = Math.round(scale * random.int(25, 45));
    const places = atlas.childrenOf(county.code).filter((t) => RESIDENTIAL_KINDS.has(t.kind));
    if (places.length === 0) continue;
    for (let i = 0; i < extra; i++) {
      const township = random.pick(places);
      const villages = atlas.childrenOf(township.code).filter((v) => RESIDENTIAL_KINDS.has(v.kind));
      const home =
        villages.length > 0 && random.chance(0.6) ? random.pick(villages).code : township.code;
      const termPlan = random.weighted<MemberDraft['termPlan']>([
        ['TERM_13', 4],
        ['BOTH', 3],
        ['TERM_14', 3],
      ]);
      newMember(county.code, home, random.chance(0.1), termPlan);
    }
  }
  return { members, homeMemberships };
}

/** A member of the county already serving elsewhere, preferring one who lives in the same township. */
function reusableMember(
  pool: MemberDraft[],
  draft: HomeDraft,
  chosen: MemberDraft[],
  random: Random,
): MemberDraft | undefined {
  // City members serve where they live, so only a city member of this township may join.
  const candidates = pool.filter(
    (member) =>
      !chosen.includes(member) &&
      (!member.isCityMember || member.row.division_code.startsWith(draft.townshipCode)),
  );
  if (candidates.length === 0) return undefined;
  const near = candidates.filter((member) =>
    member.row.division_code.startsWith(draft.townshipCode),
  );
  return random.pick(near.length > 0 && random.chance(0.7) ? near : candidates);
}

/** The home's own village, or a place in its township. */
function placeInTownship(atlas: Atlas, draft: HomeDraft, random: Random): string {
  if (draft.place.level === DivisionLevel.VILLAGE && random.chance(0.6)) return draft.place.code;
  const villages = atlas
    .childrenOf(draft.townshipCode)
    .filter((v) => RESIDENTIAL_KINDS.has(v.kind));
  return villages.length > 0 && random.chance(0.75)
    ? random.pick(villages).code
    : draft.townshipCode;
}

/**
 * Where a member serving the home lives: mostly near it, otherwise elsewhere in its county, and
 * now and then in the urban districts of another county (people who work in one county and live
 * in town).
 */
function residenceNear(atlas: Atlas, draft: HomeDraft, random: Random): string {
  const roll = random.next();
  if (roll < 0.55) return placeInTownship(atlas, draft, random);
  if (roll < 0.97) {
    const townships = atlas
      .childrenOf(draft.countyCode)
      .filter((t) => RESIDENTIAL_KINDS.has(t.kind));
    const township = random.pick(townships);
    const villages = atlas.childrenOf(township.code).filter((v) => RESIDENTIAL_KINDS.has(v.kind));
    return villages.length > 0 && random.chance(0.7) ? random.pick(villages).code : township.code;
  }
  // Another county of the same city: people commute to town, not to another city.
  const streets = atlas.counties
    .filter(
      (county) =>
        county.code !== draft.countyCode && county.code.startsWith(draft.countyCode.slice(0, 4)),
    )
    .flatMap((county) => atlas.childrenOf(county.code))
    .filter((t) => t.kind === DivisionKind.SUBDISTRICT);
  if (streets.length === 0) return placeInTownship(atlas, draft, random);
  const street = random.pick(streets);
  const communities = atlas
    .childrenOf(street.code)
    .filter((v) => v.kind === DivisionKind.RESIDENTS_COMMITTEE);
  return communities.length > 0 ? random.pick(communities).code : street.code;
}

/**
 * The committee seats: every member on the CPPCC of their county, city members on the city CPPCC
 * too, for the 13th term (2017–2021), the 14th (from 2022) or both. A 13th-term seat ends on
 * 2021-12-31 when a 14th-term seat follows it; otherwise its end stays open, as the demo does not
 * decide who left.
 */
export function seatMembers(members: MemberDraft[], idOf: IdOf): CommitteeMembershipRow[] {
  const rows: CommitteeMembershipRow[] = [];
  const seat = (committeeId: string, memberId: string, termStart: string, termEnd: string | null) =>
    rows.push({
      id: idOf('committee-membership', rows.length),
      committee_id: committeeId,
      member_id: memberId,
      term_start: termStart,
      term_end: termEnd,
    });
  for (const member of members) {
    const committees = [
      stableId('committee', member.countyCode),
      ...(member.isCityMember ? [stableId('committee', member.countyCode.slice(0, 4))] : []),
    ];
    for (const committeeId of committees) {
      if (member.term12) seat(committeeId, member.row.id, TERM_12.start, TERM_12.end);
      if (member.termPlan !== 'TERM_14') {
        seat(
          committeeId,
          member.row.id,
          TERM_13.start,
          member.termPlan === 'BOTH' ? TERM_13.end : null,
        );
      }
      if (member.termPlan !== 'TERM_13') seat(committeeId, member.row.id, TERM_14.start, null);
    }
  }
  return rows;
}
