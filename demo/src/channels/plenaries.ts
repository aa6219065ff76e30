/**
 * Plenary speeches and special reports to a city's CPPCC from demands carried up, walked through
 * the service's transition table (`PLENARY_STEPS`): accepted or declined, delivered at the next
 * plenary session in January.
 */
import { ChannelRecordKind, PLENARY_STEPS, PlenaryStatus, type PlenaryStep } from '@cppcc/channels';
import { SPECIAL_COMMITTEES, stableId } from '@cppcc/organization';
import { dateOf, dayOf, HOUR, momentOf, yearOf } from '../calendar';
import type { Random } from '../random';
import { DECLINE_REASONS, OUTCOMES } from './content';
import { event, stepsOf, type Context, type Draft } from './context';
import type { PlenaryRow } from './rows';

/** A plenary speech or special report to its city's CPPCC, delivered at the next plenary session. */
export function plenaryFrom(
  ctx: Context,
  stream: Random,
  channel: ChannelRecordKind.SPEECH | ChannelRecordKind.SPECIAL_REPORT,
  draft: Omit<Draft, 'category'>,
): PlenaryRow {
  const table = channel === ChannelRecordKind.SPEECH ? 'speech' : 'special-report';
  const committee = draft.authors.length
    ? null
    : stableId('committee', `${draft.divisionCode}:${stream.pick(SPECIAL_COMMITTEES).name}`);
  const row: PlenaryRow = {
    id: ctx.idOf(table, draft.key),
    division_code: draft.divisionCode,
    title: draft.title,
    content: draft.content,
    author_member_ids: draft.authors,
    committee_id: committee,
    ...draft.sources,
    status: PlenaryStatus.SUBMITTED,
    decline_reason: null,
    outcome: null,
    delivered_on: null,
    created_at: momentOf(draft.day, 15 * HOUR),
  };
  (channel === ChannelRecordKind.SPEECH ? ctx.demo.speeches : ctx.demo.specialReports).push(row);
  event(ctx, channel, row.id, 'submit', null, row.status, row.created_at);
  const step = stepsOf<PlenaryStatus, PlenaryStep>(ctx, channel, PLENARY_STEPS, row, 15 * HOUR);
  const day = draft.day + stream.int(10, 30);
  if (stream.chance(0.25)) {
    step(
      'decline',
      day,
      () => ((row.decline_reason = stream.pick(DECLINE_REASONS)), { reason: row.decline_reason }),
    );
    return row;
  }
  if (!step('accept', day)) return row;
  // The city CPPCC's plenary session sits in January.
  const year = yearOf(day) + 1;
  const delivered = dayOf(`${year}-01-${String(stream.int(8, 20)).padStart(2, '0')}`);
  step('deliver', delivered, () => {
    row.delivered_on = dateOf(delivered);
    row.outcome = stream.pick(OUTCOMES);
    return { deliveredOn: row.delivered_on };
  });
  return row;
}
