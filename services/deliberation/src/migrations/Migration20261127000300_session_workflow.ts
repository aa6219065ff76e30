import { Migration } from '@mikro-orm/migrations';

/** What scheduling, holding, cancelling and rescheduling a session record, and its history. */
export class Migration20261127000300_session_workflow extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table session
        add column location text,
        add column cancel_reason text,
        add column coordinating_committee_id uuid,
        add column involved_divisions text[] not null default '{}',
        add column department_ids uuid[] not null default '{}',
        add column idempotency_key text unique,
        add column updated_at timestamptz not null default now(),
        add constraint session_cancel_reason_check check ((status = 'CANCELLED') = (cancel_reason is not null));

      create table session_event (
        id bigserial primary key,
        session_id uuid not null references session (id),
        step text not null,
        from_status text,
        to_status text not null,
        at timestamptz not null default now(),
        by_subject text not null,
        detail jsonb not null default '{}'
      );
      create index session_event_session_idx on session_event (session_id, id);
    `);
  }
}
