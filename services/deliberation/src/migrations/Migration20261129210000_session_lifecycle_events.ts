import { Migration } from '@mikro-orm/migrations';

/**
 * The sessions recorded before their life raised events (`session.scheduled`, `session.held`,
 * `session.cancelled`) get the event of the state they are in now, as of when they got there, so
 * that the feed carries every session for the services that keep them (petitions). No webhook
 * subscription can name these types yet, and none receives an event older than itself.
 */
export class Migration20261129210000_session_lifecycle_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into domain_event (id, type, occurred_at, record_type, record_id, record_version,
        division_code, department_ids, home_ids, payload)
      select gen_random_uuid(),
             case s.status when 'HELD' then 'session.held' when 'CANCELLED' then 'session.cancelled'
                           else 'session.scheduled' end,
             coalesce(s.held_at, s.created_at), 'Session', s.id, s.version, s.division_code,
             case when s.status = 'PLANNED' then '{}' else s.department_ids end, array[s.home_id],
             jsonb_build_object('status', s.status, 'kind', s.kind)
        from session s
       where not exists (select 1 from domain_event e
                          where e.record_id = s.id and e.type in ('session.scheduled', 'session.held', 'session.cancelled'))
       order by s.created_at, s.id;
    `);
  }
}
