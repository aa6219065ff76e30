import { nextState } from '@cppcc/toolkit';
import { MinutesStatus } from './minutes.entity';

/** The life of minutes, as data: edited while a draft, approved, then published. */
export const MINUTES_STEPS = {
  edit: { from: [MinutesStatus.DRAFT], to: MinutesStatus.DRAFT },
  approve: { from: [MinutesStatus.DRAFT], to: MinutesStatus.APPROVED },
  publish: { from: [MinutesStatus.APPROVED], to: MinutesStatus.PUBLISHED },
} as const satisfies Record<string, { from: readonly MinutesStatus[]; to: MinutesStatus }>;

export type MinutesStep = keyof typeof MINUTES_STEPS;

export function nextMinutesStatus(current: MinutesStatus, step: MinutesStep): MinutesStatus {
  return nextState<MinutesStatus>(MINUTES_STEPS, 'The minutes', current, step);
}

/** Who may approve minutes: the home's leader, or the staff of the county or city. */
export const APPROVING_ROLES = ['HOME_LEADER', 'STAFF', 'ADMIN'];
