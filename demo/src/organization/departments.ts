/** The departments homes deal with: each city's and each county-level unit's, from fixed lists. */
import { DepartmentKind, DepartmentLevel, DivisionKind, PolicyArea } from '@cppcc/organization';
import { REFERENCE_CITY, shortCityName, type Atlas } from './atlas';
import type { DepartmentRow } from './rows';

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

export type IdOf = (table: string, n: number) => string;

/** City departments, then each county-level unit's: fixed lists, the same for every seed. */
export function generateDepartments(atlas: Atlas, idOf: IdOf): DepartmentRow[] {
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
