import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { todayInCity, type Logger } from '@cppcc/toolkit';
import { addDays } from '../shared/dates';
import { overdueCondition } from './proposal.overdue';
import { OPEN_FOR_DEPARTMENT } from './proposal.workflow';

/** Days before the due date a department is reminded (`proposal.dueSoon`). */
export const DUE_SOON_DAYS = 7;

const JOB = 'proposal-deadlines';

/**
 * Raises `proposal.dueSoon` (due within 7 days) and `proposal.overdue` (past its due date, not
 * yet replied to: the same rule as `Proposal.isOverdue`) for the proposals that reached them on
 * `now`'s day in China Standard Time, once per proposal and due date: a later due date (an
 * extension, a second round of handling) raises them again. One run at a time across replicas
 * (an advisory lock); a run that is repeated, or late, raises nothing twice. Returns how many
 * events it wrote.
 */
export async function raiseDeadlineEvents(
  client: pg.PoolClient,
  now: Date = new Date(),
): Promise<{ dueSoon: number; overdue: number }> {
  const today = todayInCity(now);
  const open = `{${OPEN_FOR_DEPARTMENT.join(',')}}`;
  await client.query('begin');
  try {
    await client.query(`select pg_advisory_xact_lock(hashtext('channels.proposal_deadlines'))`);
    // `reached` is the whole condition over `p`; $2 the open statuses, $3… its dates.
    const raise = async (type: string, reached: string, bounds: string[]) => {
      const { rowCount } = await client.query(
        `insert into domain_event (id, type, occurred_at, record_type, record_id, record_version,
           division_code, department_ids, home_ids, payload)
         select gen_random_uuid(), $1, now(), 'Proposal', p.id, p.version, p.division_code,
                p.department_ids, p.home_ids,
                jsonb_build_object('status', p.status, 'leadDepartmentId', p.lead_department_id,
                  'departmentIds', p.department_ids, 'dueOn', p.due_on::text)
           from proposal p
          where ${reached}
            and not exists (select 1 from domain_event e
                             where e.record_id = p.id and e.type = $1
                               and e.payload->>'dueOn' = p.due_on::text)`,
        [type, open, ...bounds],
      );
      return rowCount ?? 0;
    };
    const dueSoon = await raise(
      'proposal.dueSoon',
      'p.status = any($2::text[]) and p.due_on >= $3::date and p.due_on <= $4::date',
      [today, addDays(today, DUE_SOON_DAYS)],
    );
    const overdue = await raise(
      'proposal.overdue',
      overdueCondition('p', { statuses: '$2::text[]', today: '$3::date' }),
      [today],
    );
    await client.query('commit');
    return { dueSoon, overdue };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Every morning at 07:00 China Standard Time, through the process's job queue. */
export async function scheduleDeadlines(boss: PgBoss, pool: pg.Pool, logger: Logger) {
  if (!(await boss.getQueue(JOB))) await boss.createQueue(JOB, { name: JOB, policy: 'short' });
  await boss.work(JOB, async () => {
    const client = await pool.connect();
    try {
      const raised = await raiseDeadlineEvents(client);
      logger.info(raised, 'proposal deadlines raised');
    } finally {
      client.release();
    }
  });
  await boss.schedule(JOB, '0 7 * * *', {}, { tz: 'Asia/Shanghai' });
}
