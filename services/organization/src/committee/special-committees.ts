import { createHash } from 'node:crypto';
import { PolicyArea } from '../shared/policy-area';
import { CommitteeKind } from './committee.entity';

/** A stable UUID (version 5 layout) from a name, so reference records keep their ids forever. */
export function stableId(namespace: string, name: string): string {
  const hash = createHash('sha1').update(`${namespace}:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The usual special committees of a city CPPCC and the policy areas each coordinates. */
export const SPECIAL_COMMITTEES: ReadonlyArray<{ name: string; policyAreas: PolicyArea[] }> = [
  { name: '提案委员会', policyAreas: [PolicyArea.PROPOSALS] },
  {
    name: '经济委员会',
    policyAreas: [PolicyArea.ECONOMY, PolicyArea.INFRASTRUCTURE, PolicyArea.EMPLOYMENT],
  },
  { name: '农业农村委员会', policyAreas: [PolicyArea.AGRICULTURE] },
  {
    name: '人口资源环境委员会',
    policyAreas: [PolicyArea.ENVIRONMENT, PolicyArea.LAND_AND_HOUSING],
  },
  { name: '教科卫体委员会', policyAreas: [PolicyArea.EDUCATION, PolicyArea.HEALTH] },
  {
    name: '社会和法制委员会',
    policyAreas: [PolicyArea.SOCIAL_SECURITY, PolicyArea.PUBLIC_SAFETY, PolicyArea.PETITIONS],
  },
  { name: '民族宗教委员会', policyAreas: [PolicyArea.ETHNIC_AND_RELIGIOUS_AFFAIRS] },
  { name: '文化文史和学习委员会', policyAreas: [PolicyArea.CULTURE_AND_HISTORY] },
];

export interface CommitteeRow {
  id: string;
  kind: CommitteeKind;
  name: string;
  division_code: string;
  parent_id: string | null;
  policy_areas: PolicyArea[];
}

/** 连云港市 → 政协连云港市委员会; 海州区 → 政协连云港市海州区委员会 (the official naming). */
function cppccName(cityName: string, division: { name: string; level?: string }): string {
  return division.level === 'CITY'
    ? `政协${division.name}委员会`
    : `政协${cityName}${division.name}委员会`;
}

/**
 * The committees of a city: its CPPCC, one CPPCC per county-level unit, and the city CPPCC's
 * special committees; ids derived from the division code and name, so they never change.
 */
export function referenceCommittees(
  divisions: Array<{ code: string; name: string; level?: string }>,
): CommitteeRow[] {
  const rows: CommitteeRow[] = [];
  for (const city of divisions.filter((division) => division.level === 'CITY')) {
    const cityCommitteeId = stableId('committee', city.code);
    rows.push({
      id: cityCommitteeId,
      kind: CommitteeKind.CPPCC,
      name: cppccName(city.name, city),
      division_code: city.code,
      parent_id: null,
      policy_areas: [],
    });
    for (const special of SPECIAL_COMMITTEES) {
      rows.push({
        id: stableId('committee', `${city.code}:${special.name}`),
        kind: CommitteeKind.SPECIAL,
        name: special.name,
        division_code: city.code,
        parent_id: cityCommitteeId,
        policy_areas: special.policyAreas,
      });
    }
    for (const county of divisions.filter(
      (d) => d.level === 'COUNTY' && d.code.startsWith(city.code),
    )) {
      rows.push({
        id: stableId('committee', county.code),
        kind: CommitteeKind.CPPCC,
        name: cppccName(city.name, county),
        division_code: county.code,
        parent_id: null,
        policy_areas: [],
      });
    }
  }
  return rows;
}
