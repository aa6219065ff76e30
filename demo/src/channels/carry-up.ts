/**
 * Where a demand carried up from a session goes: a proposal, a sentiment report, a plenary speech
 * or a special report, chosen by weight; the demand is escalated, then answered (and perhaps
 * closed) when the record it went up as is.
 */
import { ChannelRecordKind, DEMAND_STEPS } from '@cppcc/channels';
import { dayOf, HOUR } from '../calendar';
import { CLOSING_NOTES } from './content';
import { authorsFor, cityOf, stepsOf, topicOf, type Context } from './context';
import type { CarriedUp } from './demands';
import { plenaryFrom } from './plenaries';
import { proposalFrom } from './proposals';
import { sentimentReportFrom } from './sentiment-reports';

/** A demand goes up by one channel, chosen by weight; the demand follows its record's fate. */
export function carryUp(ctx: Context, up: CarriedUp): void {
  const channel = up.stream.weighted<ChannelRecordKind>(ctx.density.channels);
  const county = up.demand.division_code.slice(0, 6);
  const city = cityOf(county);
  const sources = {
    source_demand_ids: [up.demand.id],
    source_session_ids: [up.sessionId],
    home_ids: [up.demand.home_id],
  };
  const matter = up.demand.content;
  const step = stepsOf(ctx, ChannelRecordKind.DEMAND, DEMAND_STEPS, up.demand, 17 * HOUR);
  const escalate = (kind: ChannelRecordKind, id: string) =>
    step('escalate', up.day, () => ({ channel: kind, id }));
  const answer = (kind: ChannelRecordKind, id: string, day: number | null) => {
    if (day === null || !step('answer', day, () => ({ channel: kind, id }))) return;
    const closed = day + up.stream.int(5, 40);
    if (closed < ctx.today && up.stream.chance(0.6))
      step('close', closed, () => ({ note: up.stream.pick(CLOSING_NOTES) }));
  };
  const title = `关于${topicOf(matter)}的`;
  switch (channel) {
    case ChannelRecordKind.PROPOSAL: {
      const divisionCode = up.stream.chance(0.7) ? county : city;
      const proposal = proposalFrom(ctx, up.stream, {
        key: up.demand.id,
        divisionCode,
        day: up.day,
        title: `${title}建议`,
        content: `${matter}建议有关部门深入调研，统筹资金，分步解决。`,
        category: up.demand.category,
        authors: authorsFor(ctx, up.stream, up.demand.home_id, county, 4),
        sources,
      });
      escalate(channel, proposal.id);
      answer(channel, proposal.id, proposal.replied_on ? dayOf(proposal.replied_on) : null);
      return;
    }
    case ChannelRecordKind.SENTIMENT_REPORT: {
      const { row: report, firstFeedback } = sentimentReportFrom(ctx, up.stream, {
        key: up.demand.id,
        divisionCode: up.stream.chance(0.6) ? county : city,
        day: up.day,
        title: `${title}情况反映`,
        content: `${matter}相关情况较为普遍，群众关注度高，建议予以重视。`,
        category: up.demand.category,
        authors: authorsFor(ctx, up.stream, up.demand.home_id, county, up.stream.int(1, 2)),
        sources,
      });
      escalate(channel, report.id);
      answer(channel, report.id, firstFeedback);
      return;
    }
    case ChannelRecordKind.SPEECH:
    case ChannelRecordKind.SPECIAL_REPORT: {
      const item = plenaryFrom(ctx, up.stream, channel, {
        key: up.demand.id,
        divisionCode: city,
        day: up.day,
        title: `${title}${channel === ChannelRecordKind.SPEECH ? '大会发言' : '专题报告'}`,
        content: `围绕${topicOf(matter)}，调研发现问题并提出对策建议。`,
        authors: authorsFor(ctx, up.stream, up.demand.home_id, county, up.stream.int(1, 3)),
        sources,
      });
      escalate(channel, item.id);
    }
  }
}
