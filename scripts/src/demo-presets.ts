/**
 * The demo data set's presets: how many homes, where, since when, and how busy they are. Each is
 * deterministic (the same seed gives the same rows); the generators keep their realism rules
 * (missed quarters, rule 3 coordination, workflow stages), the presets set only densities.
 *
 * - `small`: what the tests load (scale 0.1 of 连云港, homes since 2019): a few dozen homes.
 * - `city`: 连云港 on its real divisions over ten years (pilots in 2016): ~600 homes, ~3,000
 *   members, ~50,000 sessions, ~250,000 agenda items, ~500,000 demands, ~30,000 sentiment
 *   reports, ~15,000 proposals.
 * - `province`: the 13 cities of 江苏省 at the city's density (≈13× city).
 */
import { ChannelRecordKind } from '@cppcc/channels';
import type {
  ChannelsDemoOptions,
  DeliberationDemoOptions,
  OrganizationDemoOptions,
} from '@cppcc/demo';

export const DEMO_PRESET_NAMES = ['small', 'city', 'province'] as const;
export type DemoPresetName = (typeof DEMO_PRESET_NAMES)[number];

/** What each generator is given, besides the seed and today. */
export interface DemoDensity {
  organization: Omit<OrganizationDemoOptions, 'seed'>;
  deliberation: Omit<DeliberationDemoOptions, 'seed' | 'today' | 'onProgress'>;
  channels: Omit<ChannelsDemoOptions, 'seed' | 'today' | 'onProgress'>;
}

/**
 * A city ten years on: homes since 2016, meeting two or three times a quarter (besides the
 * quarters they miss), five items an agenda, two demands behind most items and a few more
 * taken in outside sessions, one in eight carried up, mostly as sentiment reports.
 */
const CITY: DemoDensity = {
  organization: { scale: 1.4, pilotYear: 2016, reuseShare: 0.08 },
  deliberation: {
    sessionsPerQuarter: [
      [1, 12],
      [2, 38],
      [3, 32],
      [4, 18],
    ],
    agendaItems: { min: 4, max: 7 },
  },
  channels: {
    agendaFromDemand: 0.8,
    demandsPerAgendaItem: [
      [1, 35],
      [2, 30],
      [3, 22],
      [4, 13],
    ],
    outsideDemandsPerQuarter: 4.5,
    carriedUp: 0.12,
    channels: [
      [ChannelRecordKind.PROPOSAL, 30],
      [ChannelRecordKind.SENTIMENT_REPORT, 62],
      [ChannelRecordKind.SPEECH, 4],
      [ChannelRecordKind.SPECIAL_REPORT, 4],
    ],
  },
};

export const DEMO_PRESETS: Record<DemoPresetName, DemoDensity> = {
  small: { organization: { scale: 0.1 }, deliberation: {}, channels: {} },
  city: CITY,
  province: { ...CITY, organization: { ...CITY.organization, region: '32' } },
};

/** The densities of a preset, or of a bare scale (DEMO_SCALE without DEMO_PRESET). */
export function demoDensity(preset: DemoPresetName | undefined, scale: number): DemoDensity {
  if (preset) return DEMO_PRESETS[preset];
  return { organization: { scale }, deliberation: {}, channels: {} };
}
