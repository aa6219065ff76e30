import { readFileSync } from 'node:fs';
import { stableId } from '@cppcc/organization';
import { CITIZEN_HOME_DIVISION_KINDS, type DivisionKind } from '@cppcc/organization';
import {
  DEMO_DIVISIONS_FILE,
  demoRowCounts,
  generateOrganizationDemo,
  idNumberCheckChar,
  type OrganizationDemo,
} from './generator';
import { createRandom } from '../random';

const divisions = new Map(
  (JSON.parse(readFileSync(DEMO_DIVISIONS_FILE, 'utf8')) as Array<[string, string, string]>).map(
    ([code, name, kind]) => [code, { name, kind }],
  ),
);
const counties = [...divisions.keys()].filter((code) => code.length === 6);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Serving members and leaders per home. */
function staffing(demo: OrganizationDemo) {
  const byHome = new Map(demo.homes.map((home) => [home.id, { members: 0, leaders: 0 }]));
  for (const membership of demo.homeMemberships) {
    const home = byHome.get(membership.home_id)!;
    home.members += 1;
    if (membership.role === 'LEADER') home.leaders += 1;
  }
  return byHome;
}

let city: OrganizationDemo;
let small: OrganizationDemo;
beforeAll(() => {
  city = generateOrganizationDemo({ seed: 7, scale: 1 });
  small = generateOrganizationDemo({ seed: 7, scale: 0.1 });
});

describe('the seeded random generator', () => {
  it('draws the same numbers from the same seed and different ones from another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return [random.next(), random.int(1, 6), random.chance(0.5), random.shuffle([1, 2, 3, 4, 5])];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps int within its bounds and shuffles without losing elements', () => {
    const random = createRandom(1);
    const values = Array.from({ length: 1_000 }, () => random.int(3, 4));
    expect(new Set(values)).toEqual(new Set([3, 4]));
    expect(random.shuffle([...'abcdef']).sort()).toEqual([...'abcdef']);
  });
});

describe('the demo of 连云港市 in its first years (2019–2021)', () => {
  it('is the same byte for byte for the same seed, and differs for another seed', () => {
    expect(JSON.stringify(generateOrganizationDemo({ seed: 7, scale: 0.1 }))).toBe(
      JSON.stringify(small),
    );
    const other = generateOrganizationDemo({ seed: 8, scale: 0.1 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(small));
    expect(other.homes.map((home) => home.division_code)).not.toEqual(
      small.homes.map((home) => home.division_code),
    );
  });

  it('has a few hundred homes at scale 1 and a few dozen at scale 0.1', () => {
    expect(city.homes.length).toBeGreaterThanOrEqual(300);
    expect(city.homes.length).toBeLessThanOrEqual(600);
    expect(small.homes.length).toBeGreaterThanOrEqual(24);
    expect(small.homes.length).toBeLessThan(100);
    expect(demoRowCounts(small).home).toBe(small.homes.length);
  });

  it('gives every row a unique UUID', () => {
    for (const demo of [city, small]) {
      const ids = [
        ...demo.departments,
        ...demo.members,
        ...demo.committeeMemberships,
        ...demo.homes,
        ...demo.homeMemberships,
        ...demo.participants,
      ].map((row) => row.id);
      expect(ids.every((id) => UUID.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('pilots (rule 4, docs/domain.md)', () => {
  it('picks 3–4 pilot homes in every county-level unit in 2019', () => {
    for (const demo of [city, small]) {
      const pilots = demo.homes.filter((home) => home.pilot_cohort_year === 2019);
      expect(
        pilots.every((home) => home.status === 'PILOT' && home.established_on.startsWith('2019-')),
      ).toBe(true);
      for (const county of counties) {
        const count = pilots.filter((home) => home.division_code.startsWith(county)).length;
        expect([county, count >= 3 && count <= 4]).toEqual([county, true]);
      }
    }
  });

  it('places pilots mostly in townships and streets, and rolls out in 2020–2021', () => {
    const pilots = city.homes.filter((home) => home.status === 'PILOT');
    expect(pilots.filter((home) => home.division_code.length === 9).length).toBeGreaterThan(
      pilots.length / 2,
    );
    const rollout = city.homes.filter((home) => home.status !== 'PILOT');
    expect(
      rollout.every(
        (home) => home.pilot_cohort_year === null && /^202[01]-/.test(home.established_on),
      ),
    ).toBe(true);
    const suspended = rollout.filter((home) => home.status === 'SUSPENDED').length;
    expect(suspended).toBeGreaterThan(0);
    expect(suspended / rollout.length).toBeLessThan(0.08);
  });

  it('reaches most 镇, 乡 and 街道 at scale 1', () => {
    const towns = [...divisions].filter(
      ([code, { kind }]) => code.length === 9 && ['TOWN', 'TOWNSHIP', 'SUBDISTRICT'].includes(kind),
    );
    const withHome = new Set(city.homes.map((home) => home.division_code));
    expect(towns.filter(([code]) => withHome.has(code)).length / towns.length).toBeGreaterThan(0.8);
  });
});

describe('homes', () => {
  it('lie in township- or village-level divisions of the data file, one home per division', () => {
    for (const demo of [city, small]) {
      for (const home of demo.homes) {
        expect([9, 12]).toContain(home.division_code.length);
        expect(divisions.has(home.division_code)).toBe(true);
      }
      expect(new Set(demo.homes.map((home) => home.division_code)).size).toBe(demo.homes.length);
    }
  });

  it('are named and kinded in the official style by their division', () => {
    for (const home of city.homes) {
      const division = divisions.get(home.division_code)!;
      const citizen = CITIZEN_HOME_DIVISION_KINDS.has(division.kind as DivisionKind);
      expect(home.kind).toBe(citizen ? 'CITIZEN' : 'VILLAGER');
      expect(home.name.endsWith(citizen ? '政协市民协商民主之家' : '政协村民协商民主之家')).toBe(
        true,
      );
      expect(home.name.startsWith(divisions.get(home.division_code.slice(0, 9))!.name)).toBe(true);
      expect(home.established_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(city.homes.map((home) => home.name)).toContain('墟沟街道政协市民协商民主之家');
  });
});

describe('members serving in homes (rules 1 and 2, docs/domain.md)', () => {
  it('gives every home at least 3 members and exactly one leader, except a few deliberately non-compliant ones', () => {
    for (const demo of [city, small]) {
      const homes = [...staffing(demo).values()];
      const nonCompliant = homes.filter((home) => home.members < 3 || home.leaders !== 1);
      expect(nonCompliant.length).toBeGreaterThanOrEqual(2);
      expect(nonCompliant.length / homes.length).toBeLessThanOrEqual(0.05);
      expect(nonCompliant.some((home) => home.members === 2 && home.leaders === 1)).toBe(true);
      expect(nonCompliant.some((home) => home.members >= 3 && home.leaders === 0)).toBe(true);
      expect(
        homes.every((home) => home.members >= 2 && home.members <= 6 && home.leaders <= 1),
      ).toBe(true);
    }
  });

  it('lets a member serve in at most 2 homes, from the day each home was established', () => {
    const established = new Map(city.homes.map((home) => [home.id, home.established_on]));
    const homesPerMember = new Map<string, number>();
    for (const membership of city.homeMemberships) {
      homesPerMember.set(membership.member_id, (homesPerMember.get(membership.member_id) ?? 0) + 1);
      expect(membership.since).toBe(established.get(membership.home_id));
      expect(membership.until).toBeNull();
    }
    expect(Math.max(...homesPerMember.values())).toBe(2);
  });

  it('draws members from the committee of the home’s county, city members serving where they live', () => {
    const cityCommittee = stableId('committee', '3207');
    const committees = new Map<string, Set<string>>();
    for (const seat of city.committeeMemberships) {
      committees.set(
        seat.member_id,
        (committees.get(seat.member_id) ?? new Set()).add(seat.committee_id),
      );
    }
    const members = new Map(city.members.map((member) => [member.id, member]));
    const homes = new Map(city.homes.map((home) => [home.id, home]));
    let livingInCounty = 0;
    for (const membership of city.homeMemberships) {
      const home = homes.get(membership.home_id)!;
      const member = members.get(membership.member_id)!;
      const seats = committees.get(member.id)!;
      expect(seats.has(stableId('committee', home.division_code.slice(0, 6)))).toBe(true);
      if (seats.has(cityCommittee))
        expect(member.division_code.slice(0, 9)).toBe(home.division_code.slice(0, 9));
      if (member.division_code.startsWith(home.division_code.slice(0, 6))) livingInCounty += 1;
    }
    expect(livingInCounty / city.homeMemberships.length).toBeGreaterThan(0.9);
    const cityMembers = city.members.filter((member) =>
      committees.get(member.id)!.has(cityCommittee),
    ).length;
    expect(cityMembers / city.members.length).toBeGreaterThan(0.05);
    expect(cityMembers / city.members.length).toBeLessThan(0.15);
  });

  it('seats members for the 13th term (2017–2021) and/or the 14th (from 2022)', () => {
    const seats = new Map<string, string[]>();
    for (const seat of city.committeeMemberships) {
      expect(['2017-01-01', '2022-01-01']).toContain(seat.term_start);
      const key = `${seat.committee_id}:${seat.member_id}`;
      seats.set(key, [...(seats.get(key) ?? []), seat.term_start]);
    }
    for (const seat of city.committeeMemberships.filter((s) => s.term_start === '2017-01-01')) {
      const hasLater = seats.get(`${seat.committee_id}:${seat.member_id}`)!.includes('2022-01-01');
      expect(seat.term_end).toBe(hasLater ? '2021-12-31' : null);
    }
    // Members serving in homes set up in 2019–2021 already sat in the 13th term.
    const servingIds = new Set(city.homeMemberships.map((membership) => membership.member_id));
    const thirteenth = new Set(
      city.committeeMemberships
        .filter((s) => s.term_start === '2017-01-01')
        .map((s) => s.member_id),
    );
    expect([...servingIds].every((id) => thirteenth.has(id))).toBe(true);
  });

  it('look like real members: names, phones, and a party that matches a democratic party’s sector', () => {
    const partyOf: Record<string, string> = {
      中国共产党: '中共党员',
      中国国民党革命委员会: '民革党员',
      中国民主同盟: '民盟盟员',
      中国民主建国会: '民建会员',
      中国民主促进会: '民进会员',
      中国农工民主党: '农工党党员',
      中国致公党: '致公党党员',
      九三学社: '九三学社社员',
      无党派人士: '无党派人士',
    };
    for (const member of city.members) {
      expect(member.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(member.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(divisions.has(member.division_code)).toBe(true);
      if (member.sector! in partyOf) expect(member.party).toBe(partyOf[member.sector!]);
    }
    const phones = [...city.members, ...city.participants].map((person) => person.phone);
    expect(new Set(phones).size).toBe(phones.length);
  });
});

describe('participants', () => {
  it('number 5–15 per home and live in the home’s division or its township', () => {
    expect(city.participants.length).toBeGreaterThanOrEqual(city.homes.length * 5);
    expect(city.participants.length).toBeLessThanOrEqual(city.homes.length * 15);
    const townships = new Set(city.homes.map((home) => home.division_code.slice(0, 9)));
    expect(city.participants.every((p) => townships.has(p.division_code.slice(0, 9)))).toBe(true);
  });

  it('carry resident ID numbers whose check character is right (GB 11643)', () => {
    const wrong = [city, small]
      .flatMap((demo) => demo.participants)
      .filter(({ id_number: id, division_code: division }) => {
        if (!id || !/^\d{17}[\dX]$/.test(id) || id[17] !== idNumberCheckChar(id.slice(0, 17)))
          return true;
        const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
        const year = Number(birth.slice(0, 4));
        // The address code is the county's; the birth date is a real day in 1950–2000.
        return (
          id.slice(0, 6) !== division.slice(0, 6) ||
          year < 1950 ||
          year > 2000 ||
          Number.isNaN(Date.parse(birth))
        );
      });
    expect(wrong).toEqual([]);
    // The published example of the standard.
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('are mostly villager representatives at villager homes and resident representatives at citizen homes, with some experts and lawyers', () => {
    const count = (kind: string) => city.participants.filter((p) => p.kind === kind).length;
    expect(count('VILLAGER_REPRESENTATIVE')).toBeGreaterThan(count('RETIRED_CADRE'));
    expect(count('RESIDENT_REPRESENTATIVE')).toBeGreaterThan(0);
    const experts = city.participants.filter(
      (p) => p.kind === 'EXPERT' || p.kind === 'LEGAL_PROFESSIONAL',
    );
    expect(experts.length).toBeGreaterThan(0);
    expect(experts.every((p) => p.organisation)).toBe(true);
  });
});

describe('departments', () => {
  it('are city departments of 连云港市 and a handful per county-level unit, with policy areas', () => {
    const cityDepartments = city.departments.filter((d) => d.level === 'CITY');
    expect(cityDepartments.every((d) => d.division_code === '3207')).toBe(true);
    expect(cityDepartments.map((d) => d.short_name)).toEqual(
      expect.arrayContaining(['市发展改革委', '市住房城乡建设局', '市信访局']),
    );
    expect(cityDepartments.find((d) => d.name === '连云港市信访局')!.kind).toBe('DIRECT_AGENCY');
    expect(cityDepartments.find((d) => d.name === '国网连云港供电公司')!.kind).toBe('PUBLIC_BODY');
    for (const county of counties) {
      const own = city.departments.filter(
        (d) => d.level === 'COUNTY' && d.division_code === county,
      );
      expect(own.length).toBeGreaterThanOrEqual(3);
    }
    expect(city.departments.map((d) => d.name)).toContain('海州区住房和城乡建设局');
    expect(city.departments.every((d) => d.policy_areas.length > 0)).toBe(true);
    const keys = city.departments.map((d) => `${d.division_code}:${d.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
