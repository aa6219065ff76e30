/**
 * How a division's kind and level follow from its statistics code and published name.
 * Shared by the extraction script (which writes the kind into the committed data file) and the
 * service (which derives a home's default kind from its division's kind).
 */

/** The four levels of the hierarchy below a province, by code length. */
export enum DivisionLevel {
  /** 地级市, a 4-digit code. */
  CITY = 'CITY',
  /** 区/县/开发区, a 6-digit code. */
  COUNTY = 'COUNTY',
  /** 镇/乡/街道/农场…, a 9-digit code. */
  TOWNSHIP = 'TOWNSHIP',
  /** 村委会/居委会…, a 12-digit code. */
  VILLAGE = 'VILLAGE',
}

/** What kind of unit a division is, as its published name says. */
export enum DivisionKind {
  /** 地级市 */
  PREFECTURE_CITY = 'PREFECTURE_CITY',
  /** 市辖区 */
  DISTRICT = 'DISTRICT',
  /** 县 */
  COUNTY = 'COUNTY',
  /** 县级市 */
  COUNTY_CITY = 'COUNTY_CITY',
  /** 开发区 at county level (e.g. 连云港经济技术开发区) */
  DEVELOPMENT_ZONE = 'DEVELOPMENT_ZONE',
  /** 镇 */
  TOWN = 'TOWN',
  /** 乡 */
  TOWNSHIP = 'TOWNSHIP',
  /** 街道 */
  SUBDISTRICT = 'SUBDISTRICT',
  /** 农场/林场/盐场: state farms counted as township-level units */
  STATE_FARM = 'STATE_FARM',
  /** 开发区/园区/产业区 at township level */
  ZONE = 'ZONE',
  /** Any other township-level unit (e.g. 连云港碱厂, 农业技术服务中心) */
  OTHER_TOWNSHIP_UNIT = 'OTHER_TOWNSHIP_UNIT',
  /** 村民委员会 (村委会): a village */
  VILLAGE_COMMITTEE = 'VILLAGE_COMMITTEE',
  /** 居民委员会 (居委会): an urban community */
  RESIDENTS_COMMITTEE = 'RESIDENTS_COMMITTEE',
  /** 社区 of a farm, zone or management area that is not a 居委会 */
  COMMUNITY = 'COMMUNITY',
  /** 虚拟社区: a statistical placeholder of a farm or zone */
  VIRTUAL_COMMUNITY = 'VIRTUAL_COMMUNITY',
}

const LEVEL_BY_CODE_LENGTH: Record<number, DivisionLevel> = {
  4: DivisionLevel.CITY,
  6: DivisionLevel.COUNTY,
  9: DivisionLevel.TOWNSHIP,
  12: DivisionLevel.VILLAGE,
};

/** The level of a division code, or undefined when the code has no valid length. */
export function levelOfCode(code: string): DivisionLevel | undefined {
  return /^\d+$/.test(code) ? LEVEL_BY_CODE_LENGTH[code.length] : undefined;
}

/** The code of the division directly above, or null for a city. */
export function parentCodeOf(code: string): string | null {
  switch (code.length) {
    case 6:
      return code.slice(0, 4);
    case 9:
      return code.slice(0, 6);
    case 12:
      return code.slice(0, 9);
    default:
      return null;
  }
}

/** The codes of every division above, from the city down to the parent. */
export function ancestorCodesOf(code: string): string[] {
  return [4, 6, 9].filter((length) => length < code.length).map((length) => code.slice(0, length));
}

/** Rules checked in order: the first whose pattern matches the name gives the kind. */
const KIND_RULES: Record<DivisionLevel, Array<[RegExp, DivisionKind]>> = {
  [DivisionLevel.CITY]: [[/./, DivisionKind.PREFECTURE_CITY]],
  [DivisionLevel.COUNTY]: [
    [/(开发区|园区|新区)$/, DivisionKind.DEVELOPMENT_ZONE],
    [/区$/, DivisionKind.DISTRICT],
    [/县$/, DivisionKind.COUNTY],
    [/市$/, DivisionKind.COUNTY_CITY],
  ],
  [DivisionLevel.TOWNSHIP]: [
    [/街道$/, DivisionKind.SUBDISTRICT],
    [/镇$/, DivisionKind.TOWN],
    [/乡$/, DivisionKind.TOWNSHIP],
    [/(农场|林场|盐场|渔场|牧场)$/, DivisionKind.STATE_FARM],
    [/(开发区|园区|产业区|新区)$/, DivisionKind.ZONE],
    [/./, DivisionKind.OTHER_TOWNSHIP_UNIT],
  ],
  [DivisionLevel.VILLAGE]: [
    [/虚拟社区$/, DivisionKind.VIRTUAL_COMMUNITY],
    [/(村委会|村民委员会)$/, DivisionKind.VILLAGE_COMMITTEE],
    [/(居委会|居民委员会|居委员)$/, DivisionKind.RESIDENTS_COMMITTEE],
    [/./, DivisionKind.COMMUNITY],
  ],
};

/** The kind of a division from its level and published name. */
export function kindOf(level: DivisionLevel, name: string): DivisionKind {
  const rule = KIND_RULES[level].find(([pattern]) => pattern.test(name));
  if (!rule) throw new Error(`no division kind matches ${level} ${name}`);
  return rule[1];
}

/**
 * Kinds whose homes are 市民协商民主之家 (CITIZEN): streets, urban communities and zones.
 * Every other kind hosts a 村民协商民主之家 (VILLAGER).
 */
export const CITIZEN_HOME_DIVISION_KINDS: ReadonlySet<DivisionKind> = new Set([
  DivisionKind.SUBDISTRICT,
  DivisionKind.ZONE,
  DivisionKind.RESIDENTS_COMMITTEE,
  DivisionKind.COMMUNITY,
  DivisionKind.VIRTUAL_COMMUNITY,
]);
