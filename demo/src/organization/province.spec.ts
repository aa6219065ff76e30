import { stableId } from '@cppcc/organization';
import { generateOrganizationDemo, type OrganizationDemo } from './generator';

// The province preset's organization: every city of 江苏省 from divisions.32.json.
let province: OrganizationDemo;
beforeAll(() => {
  province = generateOrganizationDemo({ seed: 7, scale: 0.1, region: '32' });
});

describe('the demo of 江苏省', () => {
  it('has homes in each of its 13 cities', () => {
    expect(province.cities).toHaveLength(13);
    const cities = new Set(province.homes.map((home) => home.division_code.slice(0, 4)));
    expect([...cities].sort()).toEqual(province.cities.map((city) => city.code));
  });

  it('brings the divisions and committees of every city but 连云港, which the migration loads', () => {
    expect(province.divisions.some((division) => division.code.startsWith('3207'))).toBe(false);
    expect(province.divisions.filter((division) => division.level === 'CITY')).toHaveLength(12);
    const cityCommittees = province.committees.filter(
      (committee) => committee.kind === 'CPPCC' && committee.division_code.length === 4,
    );
    expect(cityCommittees.map((committee) => committee.name)).toContain('政协南京市委员会');
    expect(cityCommittees).toHaveLength(12);
  });

  it('seats city members on their own city’s CPPCC and gives each city its departments', () => {
    const memberCounty = new Map(
      province.members.map((member) => [member.id, member.division_code.slice(0, 4)]),
    );
    const cityIds = new Map(
      province.cities.map((city) => [stableId('committee', city.code), city.code]),
    );
    for (const seat of province.committeeMemberships) {
      const city = cityIds.get(seat.committee_id);
      if (city) expect(memberCounty.get(seat.member_id)).toBe(city);
    }
    const nanjing = province.departments.filter((d) => d.division_code === '3201');
    expect(nanjing.map((d) => d.name)).toContain('南京市发展和改革委员会');
  });
});
