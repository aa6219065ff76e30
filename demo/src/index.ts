/**
 * The demo data set: seeded, deterministic generators of each service's rows (organization first,
 * then deliberation over it, then channels over both) and the loaders that bulk-copy them into a
 * service's schema. Used by `npm run demo`, the bench and the end-to-end tests; no service imports
 * it (eslint.config.mjs enforces that).
 */
export { createRandom, Random, type Weighted } from './random';
export {
  generateOrganizationDemo,
  demoRowCounts,
  type DemoRegion,
  type OrganizationDemo,
  type OrganizationDemoOptions,
} from './organization/generator';
export { isOrganizationDemoLoaded, loadOrganizationDemo } from './organization/loader';
export {
  generateDeliberationDemo,
  deliberationDemoRowCounts,
  todayInShanghai,
  type DeliberationDemo,
  type DeliberationDemoOptions,
} from './deliberation/generator';
export {
  DELIBERATION_DEMO_GUARD,
  copyDeliberationDemo,
  isDeliberationDemoLoaded,
  loadDeliberationDemo,
} from './deliberation/loader';
export {
  generateChannelsDemo,
  channelsDemoRowCounts,
  withAgendaDemands,
  type ChannelsDemo,
  type ChannelsDemoOptions,
} from './channels/generator';
export {
  CHANNELS_DEMO_GUARD,
  copyChannelsDemo,
  isChannelsDemoLoaded,
  loadChannelsDemo,
} from './channels/loader';
export {
  generatePetitionsDemo,
  petitionsDemoRowCounts,
  type PetitionsDemo,
} from './petitions/generator';
export {
  PETITIONS_DEMO_GUARD,
  copyPetitionsDemo,
  isPetitionsDemoLoaded,
  loadPetitionsDemo,
} from './petitions/loader';
