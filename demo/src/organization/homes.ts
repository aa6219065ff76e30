/** Which divisions get a home, when, with what status and name, and which are left short-staffed. */
import {
  CITIZEN_HOME_DIVISION_KINDS,
  DivisionLevel,
  HomeKind,
  HomeStatus,
  PILOT_TARGET,
} from '@cppcc/organization';
import type { Random } from '../random';
import {
  HOME_VILLAGE_KINDS,
  OCCASIONAL_TOWNSHIP_KINDS,
  ROLLOUT_TOWNSHIP_KINDS,
  shortVillageName,
  type Atlas,
  type Place,
} from './atlas';
import { dateBetween } from './people';

/** The year of the pilots by default: each county-level unit picks `PILOT_TARGET` (3–4) of them. */
export const PILOT_YEAR = 2019;
/** Homes deliberately left short of rule 1 of docs/domain.md, so the compliance view has something to show. */
export type Staffing = 'COMPLIANT' | 'TOO_FEW' | 'NO_LEADER';

export interface HomeDraft {
  place: Place;
  countyCode: string;
  townshipCode: string;
  kind: HomeKind;
  status: HomeStatus;
  establishedOn: string;
  pilotCohortYear: number | null;
}

function homeKindOf(place: Place): HomeKind {
  return CITIZEN_HOME_DIVISION_KINDS.has(place.kind) ? HomeKind.CITIZEN : HomeKind.VILLAGER;
}

/**
 * Which divisions get a home, when and with what status: 3–4 pilots per county-level unit in
 * late 2019 (after the opinion of 2019-08-16; `pilotYear` moves it), mostly 镇/乡/街道; then in the
 * two years after (2020–2021) most other
 * 镇/乡/街道, some farms and zones, and a share of villages and communities.
 */
export function planHomes(
  atlas: Atlas,
  random: Random,
  scale: number,
  pilotYear: number,
): HomeDraft[] {
  const townshipShare = Math.min(1, 0.92 * scale);
  const occasionalShare = Math.min(1, 0.35 * scale);
  const villageShare = Math.min(1, 0.2 * scale);
  const drafts: HomeDraft[] = [];
  const draft = (
    place: Place,
    fields: Omit<HomeDraft, 'place' | 'countyCode' | 'townshipCode' | 'kind'>,
  ) =>
    drafts.push({
      place,
      countyCode: place.code.slice(0, 6),
      townshipCode: place.code.slice(0, 9),
      kind: homeKindOf(place),
      ...fields,
    });

  for (const county of atlas.counties) {
    const townships = atlas.childrenOf(county.code);
    const villages = townships
      .flatMap((township) => atlas.childrenOf(township.code))
      .filter((v) => HOME_VILLAGE_KINDS.has(v.kind));
    const pilotCount = random.int(PILOT_TARGET.min, PILOT_TARGET.max);
    // Mostly townships; a community or village now and then, or when the county has too few towns.
    const pilotTownships = random.shuffle(
      townships.filter((t) => ROLLOUT_TOWNSHIP_KINDS.has(t.kind)),
    );
    const pilotVillages = random.shuffle(villages);
    const pilots: Place[] = [];
    while (pilots.length < pilotCount) {
      const fromVillages =
        pilotTownships.length === 0 || (pilotVillages.length > 0 && random.chance(0.2));
      const place = fromVillages ? pilotVillages.shift() : pilotTownships.shift();
      // A zone of one or two places (there are some in the province) pilots what it has.
      if (!place) break;
      pilots.push(place);
    }
    const piloted = new Set(pilots.map((place) => place.code));
    for (const place of pilots) {
      draft(place, {
        status: HomeStatus.PILOT,
        establishedOn: dateBetween(random, `${pilotYear}-09-01`, `${pilotYear}-12-31`),
        pilotCohortYear: pilotYear,
      });
    }

    // The rollout: a status and a date for every place that gets a home.
    const rollout = (place: Place, share2020: number) =>
      draft(place, {
        status: random.chance(0.03) ? HomeStatus.SUSPENDED : HomeStatus.ACTIVE,
        establishedOn: random.chance(share2020)
          ? dateBetween(random, `${pilotYear + 1}-03-01`, `${pilotYear + 1}-12-31`)
          : dateBetween(random, `${pilotYear + 2}-01-01`, `${pilotYear + 2}-12-31`),
        pilotCohortYear: null,
      });
    for (const township of townships) {
      if (piloted.has(township.code)) continue;
      const share = ROLLOUT_TOWNSHIP_KINDS.has(township.kind)
        ? townshipShare
        : OCCASIONAL_TOWNSHIP_KINDS.has(township.kind)
          ? occasionalShare
          : 0;
      if (random.chance(share)) rollout(township, 0.75);
    }
    for (const village of villages) {
      if (!piloted.has(village.code) && random.chance(villageShare)) rollout(village, 0.4);
    }
  }
  // History order: the first homes first, so their members are the first drawn.
  // Plain code-unit comparison, not localeCompare: the order must not depend on the ICU build.
  const key = (draft: HomeDraft) => `${draft.establishedOn} ${draft.place.code}`;
  return drafts.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** 浦南镇政协村民协商民主之家, 墟沟街道政协市民协商民主之家, 浦南镇李庄村政协村民协商民主之家. */
export function homeName(atlas: Atlas, draft: HomeDraft): string {
  const suffix = draft.kind === HomeKind.CITIZEN ? '政协市民协商民主之家' : '政协村民协商民主之家';
  if (draft.place.level === DivisionLevel.TOWNSHIP) return `${draft.place.name}${suffix}`;
  return `${atlas.get(draft.townshipCode).name}${shortVillageName(draft.place)}${suffix}`;
}

/** About 2% of the rollout homes (at least one of each kind) are left short of the staffing rule. */
export function planStaffing(drafts: HomeDraft[], random: Random): Staffing[] {
  const staffing: Staffing[] = drafts.map(() => 'COMPLIANT');
  const candidates = drafts.flatMap((draft, i) => (draft.status === HomeStatus.ACTIVE ? [i] : []));
  const count = Math.max(2, Math.round(drafts.length * 0.02));
  random.sample(candidates, count).forEach((i, n) => {
    staffing[i] = n % 2 === 0 ? 'TOO_FEW' : 'NO_LEADER';
  });
  return staffing;
}
