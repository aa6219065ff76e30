/** The minutes of a held session and the follow-up actions agreed at it, as far as they got by today. */
import { DepartmentLevel, HomeKind, stableId } from '@cppcc/organization';
import { ActionOwnerKind, ActionStatus, MinutesStatus, SessionKind } from '@cppcc/deliberation';
import { chineseDate, dateOf, momentOf } from '../calendar';
import type { Random } from '../random';
import { DEMO_SUBJECT } from '../subject';
import { KIND_LABELS, OUTCOMES, type Topic } from './content';
import type { Counties, Department, Plan } from './plan';
import {
  type AgendaItemRow,
  type DeliberationTables,
  type MinutesRow,
  type SessionRow,
} from './rows';

/**
 * How minutes name a department: 区住房城乡建设局 and 市民政局 are clear at home; another
 * county's needs its full name (赣榆区水利局).
 */
function nameIn(countyCode: string): (department: Department) => string {
  return (department) =>
    department.level === DepartmentLevel.COUNTY && department.division_code !== countyCode
      ? department.name
      : department.short_name;
}

const CHINESE_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** What writing minutes needs of the run: today, the tables, and the county names. */
interface MinutesWriter {
  readonly todayDay: number;
  readonly tables: DeliberationTables;
  readonly counties: Counties;
}

/**
 * The minutes of a held session, as far as they got by today: recent ones are often drafts or
 * not written yet; old ones mostly published. Published minutes make the session public.
 */
export function writeMinutes(
  writer: MinutesWriter,
  session: SessionRow,
  plan: Plan,
  topic: Topic,
  items: AgendaItemRow[],
  present: { members: number; residents: number; experts: number; memberIds: string[] },
  departments: Department[],
  committee: string | null,
  otherCounty: string | null,
  random: Random,
): void {
  const age = writer.todayDay - plan.day;
  const createdOn = plan.day + random.int(1, 4);
  if (createdOn >= writer.todayDay) return;
  if (random.chance(age <= 30 ? 0.2 : 0.01)) return; // never written up, or not yet
  let status = random.weighted<MinutesStatus>(
    age > 180
      ? [
          [MinutesStatus.PUBLISHED, 88],
          [MinutesStatus.APPROVED, 8],
          [MinutesStatus.DRAFT, 4],
        ]
      : age > 30
        ? [
            [MinutesStatus.PUBLISHED, 70],
            [MinutesStatus.APPROVED, 18],
            [MinutesStatus.DRAFT, 12],
          ]
        : [
            [MinutesStatus.PUBLISHED, 20],
            [MinutesStatus.APPROVED, 30],
            [MinutesStatus.DRAFT, 50],
          ],
  );
  const approvedOn = createdOn + random.int(1, 6);
  const publishedOn = approvedOn + random.int(0, 3);
  // Nothing happens on or after today: steps that would are still to come.
  if (status === MinutesStatus.PUBLISHED && publishedOn >= writer.todayDay)
    status = MinutesStatus.APPROVED;
  if (status === MinutesStatus.APPROVED && approvedOn >= writer.todayDay)
    status = MinutesStatus.DRAFT;
  const edits = random.chance(0.2) ? 1 : 0;
  const createdAt = momentOf(createdOn, random.int(900, 1050));
  const approvedAt =
    status === MinutesStatus.DRAFT ? null : momentOf(approvedOn, random.int(540, 690));
  const publishedAt =
    status === MinutesStatus.PUBLISHED ? momentOf(publishedOn, random.int(840, 1020)) : null;

  const consensus = random.sample(
    topic.consensus,
    random.int(1, Math.min(3, topic.consensus.length)),
  );
  const disagreements =
    topic.disagreements.length && random.chance(0.45) ? random.sample(topic.disagreements, 1) : [];
  const minutes: MinutesRow = {
    id: stableId('demo-minutes', session.id),
    session_id: session.id,
    home_id: session.home_id,
    division_code: session.division_code,
    summary: summaryOf(
      writer,
      plan,
      topic,
      items,
      present,
      departments,
      committee,
      otherCounty,
      consensus.length,
      disagreements.length,
      random,
    ),
    consensus,
    disagreements,
    status,
    version: 1 + edits + (approvedAt ? 1 : 0) + (publishedAt ? 1 : 0),
    approved_by: approvedAt ? DEMO_SUBJECT : null,
    approved_at: approvedAt,
    published_at: publishedAt,
    created_at: createdAt,
    updated_at: publishedAt ?? approvedAt ?? createdAt,
  };
  writer.tables.minutes.push(minutes);
  session.published_at = publishedAt;

  // What was agreed to be done, by whom and by when; older actions are mostly done.
  const count = plan.kind === SessionKind.BRIEFING ? random.int(0, 1) : random.int(1, 3);
  const memberIds = present.memberIds.length
    ? present.memberIds
    : plan.home.members.map((m) => m.id);
  random.sample(topic.actions, count).forEach((description, position) => {
    const byDepartment = departments.length > 0 && (memberIds.length === 0 || random.chance(0.5));
    if (!byDepartment && memberIds.length === 0) return;
    const dueDay = plan.day + random.int(30, 90);
    const overdueBy = writer.todayDay - dueDay;
    const actionStatus = random.weighted<ActionStatus>(
      overdueBy > 60
        ? [
            [ActionStatus.DONE, 85],
            [ActionStatus.DROPPED, 7],
            [ActionStatus.OPEN, 8],
          ]
        : overdueBy > 0
          ? [
              [ActionStatus.DONE, 55],
              [ActionStatus.OPEN, 40],
              [ActionStatus.DROPPED, 5],
            ]
          : [
              [ActionStatus.OPEN, 75],
              [ActionStatus.DONE, 25],
            ],
    );
    writer.tables.followUpActions.push({
      id: stableId('demo-follow-up-action', `${minutes.id}:${position}`),
      minutes_id: minutes.id,
      home_id: session.home_id,
      division_code: session.division_code,
      position,
      description,
      owner_kind: byDepartment ? ActionOwnerKind.DEPARTMENT : ActionOwnerKind.MEMBER,
      owner_id: byDepartment ? random.pick(departments).id : random.pick(memberIds),
      due_on: dateOf(dueDay),
      status: actionStatus,
    });
  });
}

/** A paragraph as minutes open: when, who met about what, who came, how it ended. No names. */
function summaryOf(
  writer: MinutesWriter,
  plan: Plan,
  topic: Topic,
  items: AgendaItemRow[],
  present: { members: number; residents: number; experts: number },
  departments: Department[],
  committee: string | null,
  otherCounty: string | null,
  consensus: number,
  disagreements: number,
  random: Random,
): string {
  const citizen = plan.home.row.kind === HomeKind.CITIZEN;
  const label = plan.crossCounty ? '跨县区协商会' : KIND_LABELS[plan.kind];
  const topics = items.length > 1 ? `等${CHINESE_NUMBERS[items.length]}项议题` : '';
  const people = [
    present.members ? `政协委员${present.members}名` : '',
    present.residents ? `${citizen ? '居民' : '村民'}代表${present.residents}名` : '',
    present.experts ? `专家和法律工作者${present.experts}名` : '',
  ].filter(Boolean);
  const parts = [
    `${chineseDate(plan.day)}，${plan.home.row.name}召开${label}，围绕“${topic.short}”${topics}开展协商。`,
    people.length ? `${people.join('、')}参加。` : '',
    departments.length
      ? `${departments.map(nameIn(plan.home.countyCode)).join('、')}有关负责同志到会听取意见、回应关切。`
      : '',
    committee
      ? `市政协${committee}牵头协调${otherCounty ? `，${writer.counties.get(otherCounty)?.name ?? ''}有关方面参加` : ''}。`
      : '',
    disagreements
      ? `${random.pick(OUTCOMES.split)}。`
      : `${random.pick(OUTCOMES.agreed)}，形成共识${consensus}条。`,
  ];
  return parts.join('');
}
