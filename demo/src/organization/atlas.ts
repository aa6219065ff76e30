/**
 * The real divisions the demo stands on (the organization workspace's `data/divisions.<code>.json`),
 * indexed for the questions the generator asks, and the kinds of place that get a home.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  DivisionKind,
  DivisionLevel,
  levelOfCode,
  parentCodeOf,
  referenceCommittees,
  type CommitteeRow,
} from '@cppcc/organization';
import type { DemoRegion, DivisionRow } from './rows';

/** The reference city: its departments' names below are the model for every city's. */
export const REFERENCE_CITY = { code: '3207', short: '连云港' } as const;

/** Kinds that count as 镇/乡/街道: the township-level units the rollout reaches almost everywhere. */
export const ROLLOUT_TOWNSHIP_KINDS: ReadonlySet<string> = new Set([
  DivisionKind.TOWN,
  DivisionKind.TOWNSHIP,
  DivisionKind.SUBDISTRICT,
]);
/** Farms and zones: township-level too, but only some of them set up a home. */
export const OCCASIONAL_TOWNSHIP_KINDS: ReadonlySet<string> = new Set([
  DivisionKind.STATE_FARM,
  DivisionKind.ZONE,
]);
/** Villages and urban communities with their own home: 村委会 and 居委会, not farm placeholders. */
export const HOME_VILLAGE_KINDS: ReadonlySet<string> = new Set([
  DivisionKind.VILLAGE_COMMITTEE,
  DivisionKind.RESIDENTS_COMMITTEE,
]);
/** Where people live: every unit but the statistical placeholders and works such as 碱厂. */
export const RESIDENTIAL_KINDS: ReadonlySet<string> = new Set([
  ...ROLLOUT_TOWNSHIP_KINDS,
  ...OCCASIONAL_TOWNSHIP_KINDS,
  ...HOME_VILLAGE_KINDS,
  DivisionKind.COMMUNITY,
]);

export interface Place {
  code: string;
  name: string;
  kind: DivisionKind;
  level: DivisionLevel;
}

/** The hierarchy of the data file, indexed for the questions the generator asks. */
export class Atlas {
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

export function readAtlas(region: DemoRegion): Atlas {
  return new Atlas(
    JSON.parse(readFileSync(demoDivisionsFile(region), 'utf8')) as Array<[string, string, string]>,
  );
}

/** 连云港市 → 连云港, 苏州市 → 苏州: how department and hospital names start. */
export function shortCityName(city: Place): string {
  return city.name.replace(/市$/, '');
}

/**
 * What the region has beyond the reference data (the migration loads 连云港's divisions and
 * committees): the other cities' divisions, parents first, and their committees.
 */
export function regionExtras(atlas: Atlas): {
  divisions: DivisionRow[];
  committees: CommitteeRow[];
} {
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
