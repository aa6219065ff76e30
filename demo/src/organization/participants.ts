/** The people who take part in each home's consultations, with the body an expert works for. */
import { DivisionKind, DivisionLevel, HomeKind, ParticipantKind } from '@cppcc/organization';
import type { Random, Weighted } from '../random';
import {
  REFERENCE_CITY,
  RESIDENTIAL_KINDS,
  shortCityName,
  shortVillageName,
  type Atlas,
  type Place,
} from './atlas';
import type { IdOf } from './departments';
import type { HomeDraft } from './homes';
import type { People } from './people';
import type { ParticipantRow } from './rows';

/** Where the experts who join consultations work, city-wide. */
const CITY_EXPERT_ORGANISATIONS = [
  '连云港市第一人民医院',
  '连云港市第二人民医院',
  '连云港市中医院',
  '江苏海洋大学',
  '连云港职业技术学院',
  '连云港市农业科学院',
  '连云港市规划设计研究院',
];
/** Plausible law firm names (江苏XX律师事务所) from local place words. */
const LAW_FIRM_WORDS = [
  '苍梧',
  '云台',
  '朐阳',
  '港城',
  '连海',
  '淮海',
  '海州湾',
  '花果山',
  '东海岸',
  '新浦',
];

const PARTICIPANT_KINDS: Record<HomeKind, Weighted<ParticipantKind>> = {
  [HomeKind.VILLAGER]: [
    [ParticipantKind.VILLAGER_REPRESENTATIVE, 46],
    [ParticipantKind.RETIRED_CADRE, 12],
    [ParticipantKind.PARTY_MEMBER_REPRESENTATIVE, 15],
    [ParticipantKind.PERSON_WITH_DEMAND, 15],
    [ParticipantKind.EXPERT, 6],
    [ParticipantKind.LEGAL_PROFESSIONAL, 5],
    [ParticipantKind.RESIDENT_REPRESENTATIVE, 1],
  ],
  [HomeKind.CITIZEN]: [
    [ParticipantKind.RESIDENT_REPRESENTATIVE, 46],
    [ParticipantKind.RETIRED_CADRE, 12],
    [ParticipantKind.PARTY_MEMBER_REPRESENTATIVE, 15],
    [ParticipantKind.PERSON_WITH_DEMAND, 15],
    [ParticipantKind.EXPERT, 6],
    [ParticipantKind.LEGAL_PROFESSIONAL, 5],
    [ParticipantKind.VILLAGER_REPRESENTATIVE, 1],
  ],
};

/** Birth years by kind of participant (retired cadres are older, lawyers younger), within 1950–2000. */
const BIRTH_YEARS: Record<ParticipantKind, readonly [number, number]> = {
  [ParticipantKind.VILLAGER_REPRESENTATIVE]: [1950, 1990],
  [ParticipantKind.RESIDENT_REPRESENTATIVE]: [1950, 1995],
  [ParticipantKind.RETIRED_CADRE]: [1950, 1961],
  [ParticipantKind.PARTY_MEMBER_REPRESENTATIVE]: [1955, 1995],
  [ParticipantKind.PERSON_WITH_DEMAND]: [1950, 2000],
  [ParticipantKind.EXPERT]: [1962, 1990],
  [ParticipantKind.LEGAL_PROFESSIONAL]: [1965, 1995],
};

/**
 * The people who take part in each home's consultations: 5–15 per home, living in its village,
 * or in its township and the township's villages; representatives mostly, some experts and
 * lawyers with the body they work for.
 */
export function generateParticipants(
  atlas: Atlas,
  drafts: HomeDraft[],
  people: People,
  random: Random,
  idOf: IdOf,
): ParticipantRow[] {
  const rows: ParticipantRow[] = [];
  for (const draft of drafts) {
    const township = atlas.get(draft.townshipCode);
    const county = atlas.get(draft.countyCode);
    const villages = atlas.childrenOf(township.code).filter((v) => RESIDENTIAL_KINDS.has(v.kind));
    const count = random.int(5, 15);
    for (let i = 0; i < count; i++) {
      const kind = random.weighted(PARTICIPANT_KINDS[draft.kind]);
      const gender = people.gender(kind === ParticipantKind.RETIRED_CADRE ? 0.25 : 0.42);
      const divisionCode =
        draft.place.level === DivisionLevel.VILLAGE || villages.length === 0 || random.chance(0.4)
          ? draft.place.code
          : random.pick(villages).code;
      rows.push({
        id: idOf('participant', rows.length),
        name: people.name(gender),
        kind,
        division_code: divisionCode,
        organisation: organisationOf(
          kind,
          township,
          county,
          atlas.get(divisionCode),
          shortCityName(atlas.get(county.code.slice(0, 4))),
          random,
        ),
        phone: people.phone(),
        id_number: people.idNumber(county.code, gender, BIRTH_YEARS[kind]),
      });
    }
  }
  return rows;
}

function organisationOf(
  kind: ParticipantKind,
  township: Place,
  county: Place,
  place: Place,
  city: string,
  random: Random,
): string | null {
  switch (kind) {
    case ParticipantKind.EXPERT:
      return random.weighted([
        [random.pick(CITY_EXPERT_ORGANISATIONS).replace(REFERENCE_CITY.short, city), 5],
        [
          `${county.kind === DivisionKind.COUNTY || county.kind === DivisionKind.COUNTY_CITY ? county.name : `${city}市${county.name}`}人民医院`,
          2,
        ],
        [`${township.name}农业技术服务站`, 2],
        [`${township.name}中心小学`, 1],
      ]);
    case ParticipantKind.LEGAL_PROFESSIONAL:
      return random.weighted([
        [`江苏${random.pick(LAW_FIRM_WORDS)}律师事务所`, 5],
        [`${township.name}法律服务所`, 2],
        [`${township.name}司法所`, 2],
      ]);
    case ParticipantKind.PARTY_MEMBER_REPRESENTATIVE:
      if (!random.chance(0.5)) return null;
      return place.level === DivisionLevel.VILLAGE
        ? `${shortVillageName(place)}党支部`
        : `${township.name}机关党支部`;
    default:
      return null;
  }
}
