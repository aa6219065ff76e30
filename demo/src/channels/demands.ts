/**
 * Demands residents raised at the homes: the one each agenda item was raised from (put on the
 * agenda, then resolved at the home, left open, or carried up), those a home took in outside its
 * sessions, and the last weeks' still waiting. Their steps follow `DEMAND_STEPS`.
 */
import { ChannelRecordKind, DEMAND_STEPS, DemandRaiser, DemandStatus } from '@cppcc/channels';
import { SessionKind } from '@cppcc/deliberation';
import { cityDayOf, dayOf, HOUR, momentOf } from '../calendar';
import type { DeliberationDemo } from '../deliberation/rows';
import type { OrganizationDemo } from '../organization/rows';
import type { Random } from '../random';
import {
  CLOSING_NOTES,
  DEMAND_PHRASES,
  OPEN_MATTERS,
  RESIDENT_GIVEN,
  RESIDENT_SURNAMES,
  RESOLUTIONS,
  categoryOf,
} from './content';
import { event, stepsOf, type Context } from './context';
import type { DemandRow } from './rows';

/** A demand carried up from a session, and the day it goes. */
export interface CarriedUp {
  demand: DemandRow;
  sessionId: string;
  day: number;
  stream: Random;
}

function resident(stream: Random) {
  return {
    name: `${stream.pick(RESIDENT_SURNAMES)}${stream.pick(RESIDENT_GIVEN)}${stream.chance(0.5) ? stream.pick(RESIDENT_GIVEN) : ''}`,
    phone: `1${stream.pick(['38', '39', '51', '52', '57', '58', '87', '88'])}${stream.digits(8)}`,
  };
}

/** Who raised it: a participant of the area (half the time, when there is one) or a resident. */
function raiser(ctx: Context, stream: Random, divisionCode: string) {
  const participants = ctx.participantsNear(divisionCode);
  if (participants.length && stream.chance(0.5)) {
    return {
      raised_by_kind: DemandRaiser.PARTICIPANT,
      participant_id: stream.pick(participants),
      resident_name: null,
      resident_contact: null,
    };
  }
  const person = resident(stream);
  return {
    raised_by_kind: DemandRaiser.RESIDENT,
    participant_id: null,
    resident_name: person.name,
    resident_contact: person.phone,
  };
}

/**
 * How often an agenda item's demand is a formal petition matter (信访事项): most of those a
 * multi-party platform session (rule 6 of docs/domain.md, the platform for petition matters) took up,
 * few of the others'. One draw either way, so the rest of the demo stays as it was.
 */
const PETITION_CHANCE = { platform: 0.7, other: 0.01 };

/** The demand an agenda item was raised from, and what became of it by today. */
export function agendaDemand(
  ctx: Context,
  stream: Random,
  item: DeliberationDemo['agendaItems'][number],
  session: { held_at: string; kind: SessionKind },
  divisionCode: string,
  key: string,
): { row: DemandRow; carriedUp?: CarriedUp } {
  const heldAt = session.held_at;
  const heldDay = cityDayOf(heldAt);
  const receivedDay = heldDay - stream.int(5, 40);
  const category = categoryOf(item.title);
  const row: DemandRow = {
    id: ctx.idOf('demand', key),
    home_id: item.home_id,
    division_code: divisionCode,
    category,
    content: stream.pick(DEMAND_PHRASES).replace('{}', item.title),
    is_petition: stream.chance(
      session.kind === SessionKind.MULTI_PARTY ? PETITION_CHANCE.platform : PETITION_CHANCE.other,
    ),
    status: DemandStatus.RECEIVED,
    received_at: momentOf(receivedDay, stream.int(8, 17) * HOUR),
    ...raiser(ctx, stream, divisionCode),
    agenda_item_id: null,
    session_id: null,
    resolution: null,
  };
  ctx.demo.demands.push(row);
  const step = stepsOf(ctx, ChannelRecordKind.DEMAND, DEMAND_STEPS, row, 16 * HOUR);
  event(
    ctx,
    ChannelRecordKind.DEMAND,
    row.id,
    'raise',
    null,
    DemandStatus.RECEIVED,
    row.received_at,
  );
  row.agenda_item_id = item.id;
  row.session_id = item.session_id;
  step('putOnAgenda', receivedDay + 2, () => ({
    sessionId: item.session_id,
    agendaItemId: item.id,
  }));
  const upDay = heldDay + stream.int(3, 30);
  if (stream.chance(ctx.density.carriedUp) && upDay < ctx.today) {
    return { row, carriedUp: { demand: row, sessionId: item.session_id, day: upDay, stream } };
  }
  const resolvedDay = heldDay + stream.int(1, 45);
  // Recent sessions leave some demands still on the agenda.
  if (resolvedDay >= ctx.today || stream.chance(0.05)) return { row };
  row.resolution = stream.pick(RESOLUTIONS);
  step('resolveAtHome', resolvedDay);
  const closedDay = resolvedDay + stream.int(3, 30);
  if (closedDay < ctx.today && stream.chance(0.7)) {
    step('close', closedDay, () => ({ note: stream.pick(CLOSING_NOTES) }));
  }
  return { row };
}

/**
 * Demands a home took in outside its sessions, quarter by quarter of its life: settled at the
 * home within weeks (most closed later), the last weeks' still waiting.
 */
export function outsideDemands(
  ctx: Context,
  stream: Random,
  home: OrganizationDemo['homes'][number],
  life: { from: string; until: string | null },
): void {
  const mean = ctx.density.outsideDemandsPerQuarter;
  const first = dayOf(life.from);
  const end = Math.min(life.until ? dayOf(life.until) : ctx.today, ctx.today);
  let n = 0;
  for (let start = first; start < end; start += 91) {
    const count = stream.int(0, Math.round(2 * mean));
    for (let k = 0; k < count; k++, n++) {
      const day = stream.int(start, Math.min(start + 90, end - 1));
      const matter = stream.pick(OPEN_MATTERS);
      const row: DemandRow = {
        id: ctx.idOf('demand-outside', `${home.id}:${n}`),
        home_id: home.id,
        division_code: home.division_code,
        category: categoryOf(matter),
        content: stream.pick(DEMAND_PHRASES).replace('{}', matter),
        is_petition: stream.chance(0.03),
        status: DemandStatus.RECEIVED,
        received_at: momentOf(day, stream.int(8, 17) * HOUR),
        ...raiser(ctx, stream, home.division_code),
        agenda_item_id: null,
        session_id: null,
        resolution: null,
      };
      ctx.demo.demands.push(row);
      event(ctx, ChannelRecordKind.DEMAND, row.id, 'raise', null, row.status, row.received_at);
      const step = stepsOf(ctx, ChannelRecordKind.DEMAND, DEMAND_STEPS, row, 16 * HOUR);
      const resolved = day + stream.int(3, 30);
      if (resolved >= ctx.today) continue;
      row.resolution = stream.pick(RESOLUTIONS);
      step('resolveAtHome', resolved);
      const closed = resolved + stream.int(3, 30);
      if (closed >= ctx.today || !stream.chance(0.7)) continue;
      step('close', closed, () => ({ note: stream.pick(CLOSING_NOTES) }));
    }
  }
}

/** Demands of the last weeks that no session has taken up yet. */
export function openDemands(
  ctx: Context,
  stream: Random,
  homeId: string,
  divisionCode: string,
): void {
  const count = stream.int(0, 3);
  for (let n = 0; n < count; n++) {
    const day = ctx.today - stream.int(1, 60);
    const matter = stream.pick(OPEN_MATTERS);
    const row: DemandRow = {
      id: ctx.idOf('demand-open', `${homeId}:${n}`),
      home_id: homeId,
      division_code: divisionCode,
      category: categoryOf(matter),
      content: stream.pick(DEMAND_PHRASES).replace('{}', matter),
      is_petition: stream.chance(0.05),
      status: DemandStatus.RECEIVED,
      received_at: momentOf(day, stream.int(8, 17) * HOUR),
      ...raiser(ctx, stream, divisionCode),
      agenda_item_id: null,
      session_id: null,
      resolution: null,
    };
    ctx.demo.demands.push(row);
    event(ctx, ChannelRecordKind.DEMAND, row.id, 'raise', null, row.status, row.received_at);
  }
}
