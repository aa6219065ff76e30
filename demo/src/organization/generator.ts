/**
 * Demo data for the organization service: 连云港市 in the first years of its consultation homes
 * (2019 pilots, 2020–2021 rollout), with the members who staff them, the residents and experts
 * who take part, and the departments they deal with.
 *
 * Deterministic: the same seed and scale give byte-identical rows (no Math.random, no clock).
 * Pure: the only I/O is reading the committed division data file.
 */
// The entity modules below register GraphQL enums and decorators, which need the polyfill.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { referenceCommittees, stableId, type CommitteeRow } from '@cppcc/organization';
import { DepartmentKind, DepartmentLevel } from '@cppcc/organization';
import {
  CITIZEN_HOME_DIVISION_KINDS,
  DivisionKind,
  DivisionLevel,
  levelOfCode,
  parentCodeOf,
} from '@cppcc/organization';
import { HomeRole } from '@cppcc/organization';
import { HomeKind, HomeStatus } from '@cppcc/organization';
import { Gender } from '@cppcc/organization';
import { ParticipantKind } from '@cppcc/organization';
import { PolicyArea } from '@cppcc/organization';
import { createRandom, type Random, type Weighted } from '../random';

// ─── Rows: one object per table row, keys exactly the SQL columns ───────────────────────────────
// version, created_at, updated_at and idempotency_key are left out so the column defaults apply.

export interface DepartmentRow {
  id: string;
  name: string;
  short_name: string;
  level: DepartmentLevel;
  kind: DepartmentKind;
  division_code: string;
  policy_areas: PolicyArea[];
}

export interface MemberRow {
  id: string;
  name: string;
  gender: Gender;
  sector: string | null;
  party: string | null;
  expertise: string | null;
  division_code: string;
  phone: string | null;
}

export interface CommitteeMembershipRow {
  id: string;
  committee_id: string;
  member_id: string;
  term_start: string;
  term_end: string | null;
}

export interface HomeRow {
  id: string;
  name: string;
  kind: HomeKind;
  status: HomeStatus;
  division_code: string;
  established_on: string;
  pilot_cohort_year: number | null;
}

export interface HomeMembershipRow {
  id: string;
  home_id: string;
  member_id: string;
  role: HomeRole;
  since: string;
  until: string | null;
}

export interface ParticipantRow {
  id: string;
  name: string;
  kind: ParticipantKind;
  division_code: string;
  organisation: string | null;
  phone: string | null;
  id_number: string | null;
}

/** A division the reference data lacks (another city of the province), as the demo loads it. */
export interface DivisionRow {
  code: string;
  name: string;
  level: DivisionLevel;
  kind: string;
  parent_code: string | null;
}

/** A county-level unit of the demo's region, for the services that write about it. */
export interface DemoCounty {
  code: string;
  name: string;
}

/** The demo, table by table, in the order the foreign keys need them inserted. */
export interface OrganizationDemo {
  seed: number;
  scale: number;
  region: DemoRegion;
  /** The cities of the region, and every county-level unit, in code order (homes or not). */
  cities: DemoCounty[];
  counties: DemoCounty[];
  /**
   * Divisions and committees beyond the reference data (连云港, loaded by the migration): the
   * other cities of the province, loaded with the demo. Empty for 连云港.
   */
  divisions: DivisionRow[];
  committees: CommitteeRow[];
  departments: DepartmentRow[];
  members: MemberRow[];
  committeeMemberships: CommitteeMembershipRow[];
  homes: HomeRow[];
  homeMemberships: HomeMembershipRow[];
  participants: ParticipantRow[];
}

/**
 * Where the demo's homes are: 连云港市 (`3207`, the reference data) or every city of 江苏省 (`32`,
 * from `data/divisions.32.json`, whose other cities the demo loads itself).
 */
export type DemoRegion = '3207' | '32';

export interface OrganizationDemoOptions {
  /** Any integer; the same seed gives the same data. */
  seed?: number;
  /** `3207` by default. */
  region?: DemoRegion;
  /**
   * The year of the pilots (the seed's rule 4: 3–4 per county in its last months); the rollout
   * follows in the two years after. 2019 by default, the year of the opinion; a preset that wants
   * ten years of history starts earlier.
   */
  pilotYear?: number;
  /**
   * The share of a home's seats filled by a member already serving elsewhere in the county (0.25
   * by default): lower gives more members for the same homes.
   */
  reuseShare?: number;
  /**
   * 1 ≈ the real city (a few hundred homes); 0.1 a few dozen homes for tests. Scales the share of
   * townships and villages that get a home in the rollout and the members without a home; the
   * 2019 pilots stay 3–4 per county-level unit whatever the scale, as the seed requires.
   */
  scale?: number;
}

/** The day of the Lianyungang CPPCC opinion that started the homes (2019-08-16). */
export const DEFAULT_DEMO_SEED = 20190816;

// ─── Reference material ─────────────────────────────────────────────────────────────────────────

/** The seed's rule 4: each county-level unit picks 3–4 pilots in the first year (2019 by default). */
const PILOT_YEAR = 2019;
const PILOTS_PER_COUNTY = { min: 3, max: 4 } as const;
/** The seed's rule 1: at least 3 members; homes get 3–6. */
const HOME_SIZE = { min: 3, max: 6 } as const;
/** A member may serve in at most this many homes at once. */
const MAX_HOMES_PER_MEMBER = 2;

/** The terms (届) of a CPPCC committee: five years each. */
const TERM_12 = { start: '2012-01-01', end: '2016-12-31' } as const;
const TERM_13 = { start: '2017-01-01', end: '2021-12-31' } as const;
const TERM_14 = { start: '2022-01-01' } as const;

/** The reference city: its departments' names below are the model for every city's. */
const REFERENCE_CITY = { code: '3207', short: '连云港' } as const;

/** Kinds that count as 镇/乡/街道: the township-level units the rollout reaches almost everywhere. */
const ROLLOUT_TOWNSHIP_KINDS: ReadonlySet<string> = new Set([
  DivisionKind.TOWN,
  DivisionKind.TOWNSHIP,
  DivisionKind.SUBDISTRICT,
]);
/** Farms and zones: township-level too, but only some of them set up a home. */
const OCCASIONAL_TOWNSHIP_KINDS: ReadonlySet<string> = new Set([
  DivisionKind.STATE_FARM,
  DivisionKind.ZONE,
]);
/** Villages and urban communities with their own home: 村委会 and 居委会, not farm placeholders. */
const HOME_VILLAGE_KINDS: ReadonlySet<string> = new Set([
  DivisionKind.VILLAGE_COMMITTEE,
  DivisionKind.RESIDENTS_COMMITTEE,
]);
/** Where people live: every unit but the statistical placeholders and works such as 碱厂. */
const RESIDENTIAL_KINDS: ReadonlySet<string> = new Set([
  ...ROLLOUT_TOWNSHIP_KINDS,
  ...OCCASIONAL_TOWNSHIP_KINDS,
  ...HOME_VILLAGE_KINDS,
  DivisionKind.COMMUNITY,
]);

/** Common surnames, most frequent first (the order sets their weight). */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const SURNAME_WEIGHTS: Weighted<string> = SURNAMES.map((surname, i) => [
  surname,
  i < 5 ? 8 : i < 20 ? 3 : 1,
]);
const MALE_GIVEN = [
  ...'建国军伟强明华平文志勇杰涛斌波海峰磊超刚林东成宏俊兵鹏飞辉云庆德昌忠永祥福荣新亮宇浩凯阳振良立学发松',
];
const FEMALE_GIVEN = [
  ...'秀英华玲芳丽敏静红梅霞燕萍娟兰琴艳婷雪颖洁慧莉娜倩欣悦雯佳玉凤美桂晶春月琳瑶',
];
const SHARED_GIVEN = [...'晓子思春海文明嘉雨宁'];

/** Real prefixes of Chinese mobile numbers (China Mobile, Unicom, Telecom). */
const MOBILE_PREFIXES = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'],
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'],
  ...['166', '173', '177', '180', '181', '182', '183', '187', '188', '189', '198', '199'],
];

const PARTY = {
  CPC: '中共党员',
  RCCK: '民革党员',
  CDL: '民盟盟员',
  CDNCA: '民建会员',
  CAPD: '民进会员',
  CPWDP: '农工党党员',
  CZGD: '致公党党员',
  JIUSAN: '九三学社社员',
  NON_PARTY: '无党派人士',
  MASSES: '群众',
} as const;

const EXPERTISE = [
  '农业技术',
  '法律',
  '教育',
  '医疗卫生',
  '城乡规划',
  '企业管理',
  '社会工作',
  '环境保护',
  '文化旅游',
  '水利工程',
  '财务会计',
  '人民调解',
] as const;

/**
 * The sectors (界别) of a CPPCC committee, how many grassroots members each gives, the party
 * affiliations that go with it (a democratic party's sector sits its own members), and what its
 * members tend to know.
 */
const SECTORS: ReadonlyArray<{
  sector: string;
  weight: number;
  parties: Weighted<string>;
  expertise: ReadonlyArray<string>;
  femaleShare?: number;
}> = [
  {
    sector: '中国共产党',
    weight: 10,
    parties: [[PARTY.CPC, 1]],
    expertise: ['社会工作', '人民调解', '城乡规划'],
  },
  {
    sector: '中国国民党革命委员会',
    weight: 3,
    parties: [[PARTY.RCCK, 1]],
    expertise: ['法律', '企业管理'],
  },
  {
    sector: '中国民主同盟',
    weight: 4,
    parties: [[PARTY.CDL, 1]],
    expertise: ['教育', '法律', '文化旅游'],
  },
  {
    sector: '中国民主建国会',
    weight: 4,
    parties: [[PARTY.CDNCA, 1]],
    expertise: ['企业管理', '财务会计'],
  },
  {
    sector: '中国民主促进会',
    weight: 4,
    parties: [[PARTY.CAPD, 1]],
    expertise: ['教育', '文化旅游'],
  },
  { sector: '中国农工民主党', weight: 3, parties: [[PARTY.CPWDP, 1]], expertise: ['医疗卫生'] },
  { sector: '中国致公党', weight: 2, parties: [[PARTY.CZGD, 1]], expertise: ['企业管理', '法律'] },
  {
    sector: '九三学社',
    weight: 3,
    parties: [[PARTY.JIUSAN, 1]],
    expertise: ['环境保护', '城乡规划', '农业技术'],
  },
  {
    sector: '无党派人士',
    weight: 4,
    parties: [[PARTY.NON_PARTY, 1]],
    expertise: ['法律', '医疗卫生', '教育'],
  },
  {
    sector: '共青团',
    weight: 2,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 1],
    ],
    expertise: ['社会工作'],
  },
  {
    sector: '总工会',
    weight: 3,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 1],
    ],
    expertise: ['社会工作', '企业管理'],
  },
  {
    sector: '妇联',
    weight: 3,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 2],
    ],
    expertise: ['社会工作', '人民调解'],
    femaleShare: 0.9,
  },
  {
    sector: '工商联',
    weight: 6,
    parties: [
      [PARTY.MASSES, 3],
      [PARTY.CPC, 2],
      [PARTY.CDNCA, 1],
    ],
    expertise: ['企业管理', '财务会计'],
  },
  {
    sector: '科学技术界',
    weight: 4,
    parties: [
      [PARTY.CPC, 2],
      [PARTY.MASSES, 2],
      [PARTY.JIUSAN, 1],
      [PARTY.NON_PARTY, 1],
    ],
    expertise: ['农业技术', '环境保护', '城乡规划', '水利工程'],
  },
  {
    sector: '教育界',
    weight: 6,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 2],
      [PARTY.CAPD, 1],
    ],
    expertise: ['教育'],
    femaleShare: 0.45,
  },
  {
    sector: '文化艺术界',
    weight: 4,
    parties: [
      [PARTY.CPC, 2],
      [PARTY.MASSES, 2],
      [PARTY.CAPD, 1],
    ],
    expertise: ['文化旅游'],
  },
  {
    sector: '医药卫生界',
    weight: 6,
    parties: [
      [PARTY.CPC, 2],
      [PARTY.MASSES, 2],
      [PARTY.CPWDP, 1],
    ],
    expertise: ['医疗卫生'],
    femaleShare: 0.45,
  },
  {
    sector: '经济界',
    weight: 8,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 2],
    ],
    expertise: ['企业管理', '财务会计'],
  },
  {
    sector: '农业界',
    weight: 9,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 2],
    ],
    expertise: ['农业技术', '水利工程'],
  },
  {
    sector: '社会福利和社会保障界',
    weight: 4,
    parties: [
      [PARTY.CPC, 2],
      [PARTY.MASSES, 1],
    ],
    expertise: ['社会工作'],
  },
  {
    sector: '民族和宗教界',
    weight: 1,
    parties: [
      [PARTY.MASSES, 2],
      [PARTY.NON_PARTY, 1],
    ],
    expertise: ['文化旅游'],
  },
  {
    sector: '特别邀请人士',
    weight: 5,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 1],
      [PARTY.NON_PARTY, 1],
    ],
    expertise: ['法律', '人民调解', '城乡规划', '社会工作'],
  },
];
const SECTOR_WEIGHTS: Weighted<(typeof SECTORS)[number]> = SECTORS.map((sector) => [
  sector,
  sector.weight,
]);

/** The city departments most matters reach, with the policy areas each works on. */
const CITY_DEPARTMENTS: ReadonlyArray<[string, string, DepartmentKind, PolicyArea[]]> = [
  [
    '连云港市发展和改革委员会',
    '市发展改革委',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.ECONOMY, PolicyArea.INFRASTRUCTURE],
  ],
  [
    '连云港市住房和城乡建设局',
    '市住房城乡建设局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.LAND_AND_HOUSING, PolicyArea.INFRASTRUCTURE],
  ],
  [
    '连云港市农业农村局',
    '市农业农村局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.AGRICULTURE],
  ],
  [
    '连云港市民政局',
    '市民政局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.SOCIAL_SECURITY],
  ],
  ['连云港市信访局', '市信访局', DepartmentKind.DIRECT_AGENCY, [PolicyArea.PETITIONS]],
  [
    '连云港市自然资源和规划局',
    '市自然资源规划局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.LAND_AND_HOUSING, PolicyArea.ENVIRONMENT],
  ],
  [
    '连云港市生态环境局',
    '市生态环境局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.ENVIRONMENT],
  ],
  ['连云港市教育局', '市教育局', DepartmentKind.GOVERNMENT_DEPARTMENT, [PolicyArea.EDUCATION]],
  [
    '连云港市卫生健康委员会',
    '市卫生健康委',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.HEALTH],
  ],
  [
    '连云港市交通运输局',
    '市交通运输局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.INFRASTRUCTURE],
  ],
  [
    '连云港市人力资源和社会保障局',
    '市人力资源社会保障局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.EMPLOYMENT, PolicyArea.SOCIAL_SECURITY],
  ],
  ['连云港市公安局', '市公安局', DepartmentKind.GOVERNMENT_DEPARTMENT, [PolicyArea.PUBLIC_SAFETY]],
  [
    '连云港市水利局',
    '市水利局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.INFRASTRUCTURE, PolicyArea.AGRICULTURE],
  ],
  [
    '连云港市城市管理局',
    '市城市管理局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.INFRASTRUCTURE, PolicyArea.ENVIRONMENT],
  ],
  ['连云港市财政局', '市财政局', DepartmentKind.GOVERNMENT_DEPARTMENT, [PolicyArea.ECONOMY]],
  [
    '连云港市司法局',
    '市司法局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.PUBLIC_SAFETY, PolicyArea.PETITIONS],
  ],
  [
    '连云港市文化广电和旅游局',
    '市文广旅局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.CULTURE_AND_HISTORY, PolicyArea.ECONOMY],
  ],
  [
    '连云港市民族宗教事务局',
    '市民宗局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.ETHNIC_AND_RELIGIOUS_AFFAIRS],
  ],
  [
    '连云港市退役军人事务局',
    '市退役军人事务局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.SOCIAL_SECURITY],
  ],
  [
    '连云港市应急管理局',
    '市应急管理局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.PUBLIC_SAFETY],
  ],
  [
    '连云港市市场监督管理局',
    '市市场监管局',
    DepartmentKind.DIRECT_AGENCY,
    [PolicyArea.ECONOMY, PolicyArea.PUBLIC_SAFETY],
  ],
  [
    '连云港市医疗保障局',
    '市医保局',
    DepartmentKind.DIRECT_AGENCY,
    [PolicyArea.HEALTH, PolicyArea.SOCIAL_SECURITY],
  ],
  [
    '国网连云港供电公司',
    '国网连云港供电公司',
    DepartmentKind.PUBLIC_BODY,
    [PolicyArea.INFRASTRUCTURE],
  ],
];

/** The departments every county and district government has that homes deal with most. */
const COUNTY_DEPARTMENTS: ReadonlyArray<[string, string, DepartmentKind, PolicyArea[]]> = [
  [
    '住房和城乡建设局',
    '住房城乡建设局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.LAND_AND_HOUSING, PolicyArea.INFRASTRUCTURE],
  ],
  ['农业农村局', '农业农村局', DepartmentKind.GOVERNMENT_DEPARTMENT, [PolicyArea.AGRICULTURE]],
  ['民政局', '民政局', DepartmentKind.GOVERNMENT_DEPARTMENT, [PolicyArea.SOCIAL_SECURITY]],
  ['信访局', '信访局', DepartmentKind.DIRECT_AGENCY, [PolicyArea.PETITIONS]],
  ['教育局', '教育局', DepartmentKind.GOVERNMENT_DEPARTMENT, [PolicyArea.EDUCATION]],
  ['卫生健康委员会', '卫生健康委', DepartmentKind.GOVERNMENT_DEPARTMENT, [PolicyArea.HEALTH]],
  [
    '人力资源和社会保障局',
    '人力资源社会保障局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.EMPLOYMENT, PolicyArea.SOCIAL_SECURITY],
  ],
  [
    '水利局',
    '水利局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.INFRASTRUCTURE, PolicyArea.AGRICULTURE],
  ],
];

/** A development zone has a management committee's bureaus instead of a county government. */
const ZONE_DEPARTMENTS: ReadonlyArray<[string, string, DepartmentKind, PolicyArea[]]> = [
  [
    '社会事业局',
    '社会事业局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.EDUCATION, PolicyArea.HEALTH, PolicyArea.SOCIAL_SECURITY],
  ],
  [
    '规划建设局',
    '规划建设局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.LAND_AND_HOUSING, PolicyArea.INFRASTRUCTURE],
  ],
  [
    '经济发展局',
    '经济发展局',
    DepartmentKind.GOVERNMENT_DEPARTMENT,
    [PolicyArea.ECONOMY, PolicyArea.EMPLOYMENT],
  ],
  ['信访局', '信访局', DepartmentKind.DIRECT_AGENCY, [PolicyArea.PETITIONS]],
];

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

// ─── Divisions ──────────────────────────────────────────────────────────────────────────────────

interface Place {
  code: string;
  name: string;
  kind: DivisionKind;
  level: DivisionLevel;
}

/** The hierarchy of the data file, indexed for the questions the generator asks. */
class Atlas {
  readonly byCode = new Map<string, Place>();
  readonly cities: Place[] = [];
  readonly counties: Place[] = [];
  private readonly children = new Map<string, Place[]>();

  constructor(readonly rows: Array<[string, string, string]>) {
    for (const [code, name, kind] of rows) {
      const level = levelOfCode(code);
      if (!level) throw new Error(`bad division code ${code} in the data file`);
      const place: Place = { code, name, kind: kind as DivisionKind, level };
      this.byCode.set(code, place);
      if (level === DivisionLevel.CITY) this.cities.push(place);
      if (level === DivisionLevel.COUNTY) this.counties.push(place);
      if (level === DivisionLevel.TOWNSHIP || level === DivisionLevel.VILLAGE) {
        const parent = code.slice(0, code.length - 3);
        this.children.set(parent, [...(this.children.get(parent) ?? []), place]);
      }
    }
  }

  /** Township-level units of a county, or village-level units of a township, in code order. */
  childrenOf(code: string): Place[] {
    return this.children.get(code) ?? [];
  }

  get(code: string): Place {
    const place = this.byCode.get(code);
    if (!place) throw new Error(`no division ${code}`);
    return place;
  }
}

/** The organization workspace's folder, whose `data/` holds the divisions the service loads. */
const ORGANIZATION_FOLDER = dirname(require.resolve('@cppcc/organization/package.json'));

/** The data file of a region's real hierarchy (in the organization workspace's `data/`). */
export function demoDivisionsFile(region: DemoRegion): string {
  return join(ORGANIZATION_FOLDER, `data/divisions.${region}.json`);
}

/** The data file of 连云港, the reference data every database has. */
export const DEMO_DIVISIONS_FILE = demoDivisionsFile('3207');

function readAtlas(region: DemoRegion): Atlas {
  return new Atlas(
    JSON.parse(readFileSync(demoDivisionsFile(region), 'utf8')) as Array<[string, string, string]>,
  );
}

/** 连云港市 → 连云港, 苏州市 → 苏州: how department and hospital names start. */
function shortCityName(city: Place): string {
  return city.name.replace(/市$/, '');
}

/**
 * What the region has beyond the reference data (the migration loads 连云港's divisions and
 * committees): the other cities' divisions, parents first, and their committees.
 */
function regionExtras(atlas: Atlas): { divisions: DivisionRow[]; committees: CommitteeRow[] } {
  const prefix = REFERENCE_CITY.code;
  const divisions = atlas.rows
    .filter(([code]) => !code.startsWith(prefix))
    .map(([code, name, kind]) => ({
      code,
      name,
      level: levelOfCode(code)!,
      kind,
      parent_code: parentCodeOf(code),
    }));
  const committees = referenceCommittees(
    divisions.filter(
      (row) => row.level === DivisionLevel.CITY || row.level === DivisionLevel.COUNTY,
    ),
  );
  return { divisions, committees };
}

/** '李庄村委会' → '李庄村', '滨海社区居委会' → '滨海社区': the short name used in home names. */
export function shortVillageName(place: { name: string; kind: string }): string {
  if (place.kind === DivisionKind.VILLAGE_COMMITTEE) {
    const stem = place.name.replace(/(村民委员会|村委会)$/, '');
    return stem.endsWith('村') ? stem : `${stem}村`;
  }
  const stem = place.name.replace(/(居民委员会|居委会|居委员)$/, '');
  return stem.endsWith('社区') ? stem : `${stem}社区`;
}

// ─── Personal details ───────────────────────────────────────────────────────────────────────────

/** GB 11643: the check character of the first 17 digits of a resident ID number. */
export function idNumberCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return '10X98765432'[sum % 11];
}

/** 'YYYY-MM-DD' of the n-th day (0-based) after `start`, in UTC so no time zone can move it. */
function addDays(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(first: string, last: string): number {
  return Math.round(
    (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000,
  );
}

/** A random date in [first, last]. */
function dateBetween(random: Random, first: string, last: string): string {
  return addDays(first, random.int(0, daysBetween(first, last)));
}

/** Draws names, phones and ID numbers, never handing out the same phone or ID number twice. */
class People {
  private readonly phones = new Set<string>();
  private readonly idNumbers = new Set<string>();

  constructor(private readonly random: Random) {}

  gender(femaleShare: number): Gender {
    return this.random.chance(femaleShare) ? Gender.FEMALE : Gender.MALE;
  }

  /** A surname and one or two given-name characters that suit the gender. */
  name(gender: Gender): string {
    const pool = [...(gender === Gender.FEMALE ? FEMALE_GIVEN : MALE_GIVEN), ...SHARED_GIVEN];
    const surname = this.random.weighted(SURNAME_WEIGHTS);
    const first = this.random.pick(pool);
    if (this.random.chance(0.3)) return `${surname}${first}`;
    let second = this.random.pick(pool);
    while (second === first && this.random.chance(0.9)) second = this.random.pick(pool);
    return `${surname}${first}${second}`;
  }

  /** An 11-digit mobile number with a real operator prefix. */
  phone(): string {
    for (;;) {
      const phone = `${this.random.pick(MOBILE_PREFIXES)}${this.random.digits(8)}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /**
   * An 18-character resident ID number (GB 11643): the county code as the address code, the birth
   * date, a sequence whose last digit is odd for men and even for women, and the check character.
   */
  idNumber(countyCode: string, gender: Gender, birthYears: readonly [number, number]): string {
    for (;;) {
      const birth = dateBetween(
        this.random,
        `${birthYears[0]}-01-01`,
        `${birthYears[1]}-12-31`,
      ).replace(/-/g, '');
      const parity =
        gender === Gender.MALE
          ? this.random.pick([1, 3, 5, 7, 9])
          : this.random.pick([0, 2, 4, 6, 8]);
      const first17 = `${countyCode}${birth}${this.random.digits(2)}${parity}`;
      const idNumber = `${first17}${idNumberCheckChar(first17)}`;
      if (!this.idNumbers.has(idNumber)) {
        this.idNumbers.add(idNumber);
        return idNumber;
      }
    }
  }
}

// ─── The generator ──────────────────────────────────────────────────────────────────────────────

/** A member while the generator still decides where they serve. */
interface MemberDraft {
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

/** Homes deliberately left short of the seed's rule 1, so the compliance view has something to show. */
type Staffing = 'COMPLIANT' | 'TOO_FEW' | 'NO_LEADER';

interface HomeDraft {
  place: Place;
  countyCode: string;
  townshipCode: string;
  kind: HomeKind;
  status: HomeStatus;
  establishedOn: string;
  pilotCohortYear: number | null;
}

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

type IdOf = (table: string, n: number) => string;

/** City departments, then each county-level unit's: fixed lists, the same for every seed. */
function generateDepartments(atlas: Atlas, idOf: IdOf): DepartmentRow[] {
  const rows: DepartmentRow[] = [];
  for (const city of atlas.cities) {
    const short = shortCityName(city);
    for (const [name, shortName, kind, areas] of CITY_DEPARTMENTS) {
      rows.push({
        id: '',
        name: name.replace(REFERENCE_CITY.short, short),
        short_name: shortName.replace(REFERENCE_CITY.short, short),
        level: DepartmentLevel.CITY,
        kind,
        division_code: city.code,
        policy_areas: areas,
      });
    }
  }
  for (const county of atlas.counties) {
    const isZone = county.kind === DivisionKind.DEVELOPMENT_ZONE;
    // 海州区住房和城乡建设局 → 区住房城乡建设局; 东海县… → 县…; the zone's bureaus → 开发区….
    const shortPrefix = isZone ? '开发区' : county.name.slice(-1);
    for (const [name, shortName, kind, areas] of isZone ? ZONE_DEPARTMENTS : COUNTY_DEPARTMENTS) {
      rows.push({
        id: '',
        name: `${county.name}${name}`,
        short_name: `${shortPrefix}${shortName}`,
        level: DepartmentLevel.COUNTY,
        kind,
        division_code: county.code,
        policy_areas: areas,
      });
    }
  }
  return rows.map((row, n) => ({ ...row, id: idOf('department', n) }));
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
function planHomes(atlas: Atlas, random: Random, scale: number, pilotYear: number): HomeDraft[] {
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
    const pilotCount = random.int(PILOTS_PER_COUNTY.min, PILOTS_PER_COUNTY.max);
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
function homeName(atlas: Atlas, draft: HomeDraft): string {
  const suffix = draft.kind === HomeKind.CITIZEN ? '政协市民协商民主之家' : '政协村民协商民主之家';
  if (draft.place.level === DivisionLevel.TOWNSHIP) return `${draft.place.name}${suffix}`;
  return `${atlas.get(draft.townshipCode).name}${shortVillageName(draft.place)}${suffix}`;
}

/** About 2% of the rollout homes (at least one of each kind) are left short of the staffing rule. */
function planStaffing(drafts: HomeDraft[], random: Random): Staffing[] {
  const staffing: Staffing[] = drafts.map(() => 'COMPLIANT');
  const candidates = drafts.flatMap((draft, i) => (draft.status === HomeStatus.ACTIVE ? [i] : []));
  const count = Math.max(2, Math.round(drafts.length * 0.02));
  random.sample(candidates, count).forEach((i, n) => {
    staffing[i] = n % 2 === 0 ? 'TOO_FEW' : 'NO_LEADER';
  });
  return staffing;
}

/**
 * Staffs every home from the committee of its county (the seed's rule 2): new members mostly
 * living near the home, some already serving elsewhere in the county (at most 2 homes each);
 * about 10% of new members also sit on the city CPPCC, and those serve where they live. Then
 * adds the committee members who serve in no home.
 */
function staffHomes(
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
      plan === 'TOO_FEW' ? 2 : random.int(HOME_SIZE.min, plan === 'NO_LEADER' ? 4 : HOME_SIZE.max);
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
function seatMembers(members: MemberDraft[], idOf: IdOf): CommitteeMembershipRow[] {
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

/**
 * The people who take part in each home's consultations: 5–15 per home, living in its village,
 * or in its township and the township's villages; representatives mostly, some experts and
 * lawyers with the body they work for.
 */
function generateParticipants(
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
